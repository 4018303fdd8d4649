package se.susam.inloggning.errors;

import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a correlation id: in the log context ({@code correlationId}), as the
 * request attribute {@code correlationId} that error pages show, and as the response header
 * {@code X-Correlation-Id}, so a user's report can be matched to the logs and the audit trail.
 *
 * <p>The id is a reference, not a secret, so it comes from {@link ThreadLocalRandom}: a shared
 * {@code SecureRandom} takes one JVM-wide lock per request, and under the load benchmark a third of
 * the requests in flight were found queued on it (their virtual threads waiting for carriers busy
 * with Argon2id).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CorrelationId extends OncePerRequestFilter {

    public static final String ATTRIBUTE = "correlationId";
    public static final String HEADER = "X-Correlation-Id";
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    /** The id of the request being handled on this thread, or "-" outside a request. */
    public static String current() {
        String id = MDC.get(ATTRIBUTE);
        return id == null ? "-" : id;
    }

    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] id = new char[10];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = newId();
        MDC.put(ATTRIBUTE, id);
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(HEADER, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(ATTRIBUTE);
        }
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return true;
    }
}
