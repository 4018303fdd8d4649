package se.susam.inloggning.login;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a SUS session at its absolute timeout, however active it was (OWASP Session Management:
 * absolute timeout). The idle timeout is the session store's {@code spring.session.timeout}.
 */
public class SessionLifetimeFilter extends OncePerRequestFilter {

    private final Duration absoluteTimeout;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public SessionLifetimeFilter(Duration absoluteTimeout, Clock clock, ApplicationEventPublisher events) {
        this.absoluteTimeout = absoluteTimeout;
        this.clock = clock;
        this.events = events;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(LoginCompletion.AUTHENTICATED_AT) instanceof Long at
                && clock.millis() - at > absoluteTimeout.toMillis()) {
            events.publishEvent(new LoginSessionEnded(session.getId(), clock.instant()));
            session.invalidate();
            SecurityContextHolder.clearContext();
            response.sendRedirect(request.getContextPath() + "/login?session=utgangen");
            return;
        }
        chain.doFilter(request, response);
    }
}
