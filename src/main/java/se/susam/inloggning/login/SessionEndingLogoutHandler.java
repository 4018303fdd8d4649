package se.susam.inloggning.login;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

/** Announces the end of the session a logout is about to invalidate ({@link LoginSessionEnded}). */
@Component
public class SessionEndingLogoutHandler implements LogoutHandler {

    private final ApplicationEventPublisher events;
    private final Clock clock;

    SessionEndingLogoutHandler(ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            events.publishEvent(new LoginSessionEnded(session.getId(), clock.instant()));
        }
    }
}
