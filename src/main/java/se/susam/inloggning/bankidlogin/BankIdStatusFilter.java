package se.susam.inloggning.bankidlogin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.LocaleResolver;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /login/bankid/status?t=<poll token>}: the waiting page's poll, once a second per
 * browser, answered ahead of the session store and Spring Security (ordered before both, see
 * {@link BankIdPollConfiguration}), so a poll costs no session load and save. The answer is the state
 * and BankID's message; "complete" sends the page to {@code /login/bankid/vantar}, where the session
 * that started the login, and only it, turns it into a login. A missing, malformed or unknown token
 * gets 404 with no body: nothing tells a wrong token from an expired one.
 *
 * <p>{@code GET /login/bankid/qr.svg?t=<poll token>}: the animated QR code (RP API v6.0: a new
 * code every second), which the page reloads after each poll, answered the same way from the same
 * copy of the login.
 */
final class BankIdStatusFilter extends HttpFilter {

    static final String PATH = "/login/bankid/status";
    static final String QR_PATH = "/login/bankid/qr.svg";

    private final BankIdPolls polls;
    private final LocaleResolver locales;
    private final Timer statusTimer;
    private final Timer qrTimer;

    BankIdStatusFilter(BankIdPolls polls, LocaleResolver locales, Timer statusTimer, Timer qrTimer) {
        this.polls = polls;
        this.locales = locales;
        this.statusTimer = statusTimer;
        this.qrTimer = qrTimer;
    }

    /** Whether this filter answers {@code request}: a status poll or the QR code. */
    static boolean answers(HttpServletRequest request) {
        String path = pathOf(request);
        return PATH.equals(path) || QR_PATH.equals(path);
    }

    private static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = pathOf(request);
        boolean status = PATH.equals(path);
        if (!status && !QR_PATH.equals(path)) {
            chain.doFilter(request, response);
            return;
        }
        long start = System.nanoTime();
        try {
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("X-Content-Type-Options", "nosniff");
            if (!"GET".equals(request.getMethod())) {
                response.setHeader("Allow", "GET");
                response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            } else if (status) {
                status(request, response);
            } else {
                qr(request, response);
            }
        } finally {
            (status ? statusTimer : qrTimer).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private void status(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var status = polls.poll(request.getParameter("t"));
        if (status.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String language = locales.resolveLocale(request).getLanguage();
        Map<String, Object> body = switch (status.get()) {
            case BankIdStatus.Pending pending -> Map.of("state", "pending",
                    "message", pending.rfa().text(language), "qr", pending.otherDevice());
            case BankIdStatus.Complete complete -> Map.of("state", "complete", "next", "/login/bankid/vantar");
            case BankIdStatus.Failed failed -> Map.of("state", "failed",
                    "message", failed.rfa().text(language), "code", failed.code().code(),
                    "next", "/login/bankid/vantar");
        };
        write(response, "application/json", JsonMapper.shared().writeValueAsBytes(body));
    }

    private void qr(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var svg = polls.qrImage(request.getParameter("t"));
        if (svg.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        write(response, "image/svg+xml", svg.get().getBytes(StandardCharsets.UTF_8));
    }

    private static void write(HttpServletResponse response, String contentType, byte[] body) throws IOException {
        response.setContentType(contentType);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
