package se.susam.inloggning.bankidlogin;

import java.io.IOException;
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
 */
final class BankIdStatusFilter extends HttpFilter {

    static final String PATH = "/login/bankid/status";

    private final BankIdPolls polls;
    private final LocaleResolver locales;
    private final Timer timer;

    BankIdStatusFilter(BankIdPolls polls, LocaleResolver locales, Timer timer) {
        this.polls = polls;
        this.locales = locales;
        this.timer = timer;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!PATH.equals(request.getRequestURI().substring(request.getContextPath().length()))) {
            chain.doFilter(request, response);
            return;
        }
        long start = System.nanoTime();
        try {
            answer(request, response);
        } finally {
            timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (!"GET".equals(request.getMethod())) {
            response.setHeader("Allow", "GET");
            response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
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
        byte[] json = JsonMapper.shared().writeValueAsBytes(body);
        response.setContentType("application/json");
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }
}
