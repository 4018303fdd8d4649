package se.susam.inloggning.smslogin;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.WebUtils;

import se.susam.inloggning.errors.ErrorCode;
import se.susam.inloggning.errors.ErrorMessages;
import se.susam.inloggning.errors.ShownError;
import se.susam.inloggning.login.LoginCompletion;
import se.susam.inloggning.login.LoginCookies;

/**
 * The two pages of SMS-inloggning: {@code /login/sms} (personnummer and lösenord, "Logga in") and
 * {@code /login/sms/kod} ("Skriv in ditt engångslösen", "Bekräfta engångslösen"). Every POST
 * answers with a redirect on success (so reloading never sends another SMS) or the same page with
 * the error summary and the code's HTTP status.
 *
 * <p>The browser holds its login transaction's id (256 random bits) in a cookie of its own ({@value
 * #TRANSACTION_COOKIE}: HttpOnly, SameSite=Lax, path {@code /login/sms}, Secure as the session cookie), and the
 * transaction itself is in the database: step 2 may reach another node, or this one restarted, and
 * nobody has a session before the login gives them one ({@code LoginCompletion}).
 */
@Controller
@RequestMapping("/login/sms")
class SmsLoginController {

    static final String TRANSACTION_COOKIE = "SUS_SMS_LOGIN";
    private static final String COOKIE_PATH = "/login/sms";

    private final SmsLoginService service;
    private final LoginCompletion completion;
    private final ErrorMessages messages;
    private final LoginCookies cookies;

    SmsLoginController(SmsLoginService service, LoginCompletion completion, ErrorMessages messages,
                       LoginCookies cookies) {
        this.service = service;
        this.completion = completion;
        this.messages = messages;
        this.cookies = cookies;
    }

    @GetMapping
    String passwordPage() {
        return "smslogin/password";
    }

    @PostMapping
    String submitPassword(@RequestParam(defaultValue = "") String personnummer,
                          @RequestParam(defaultValue = "") String password,
                          HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
        LoginResult result = service.start(personnummer, password, request.getRemoteAddr());
        return switch (result) {
            case LoginResult.Pending pending -> {
                setTransaction(pending.transactionId(), request, response);
                yield "redirect:/login/sms/kod";
            }
            case LoginResult.Rejected rejected -> {
                model.addAttribute("personnummer", personnummer);
                yield showError(rejected, "smslogin/password", response, model, locale);
            }
            case LoginResult.Authenticated authenticated -> throw new IllegalStateException("step 1 cannot finish");
        };
    }

    @GetMapping("/kod")
    String codePage(HttpServletRequest request, HttpServletResponse response, Model model, Locale locale,
                    @RequestParam(required = false) String skickat) {
        String tx = transaction(request);
        return service.pendingMobile(tx)
                .map(mobile -> {
                    model.addAttribute("mobile", mobile.masked());
                    model.addAttribute("resent", skickat != null);
                    return "smslogin/code";
                })
                .orElseGet(() -> showError(new LoginResult.Rejected(ErrorCode.SMS_NO_TRANSACTION, null, true),
                        "smslogin/code", response, model, locale));
    }

    @PostMapping("/kod")
    String submitCode(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
                      HttpServletResponse response, Model model, Locale locale) {
        String tx = transaction(request);
        LoginResult result = service.confirm(tx, code, request.getRemoteAddr());
        return switch (result) {
            case LoginResult.Authenticated authenticated -> {
                setTransaction(null, request, response);
                yield completion.complete(authenticated.identity(), request, response, model, locale);
            }
            case LoginResult.Rejected rejected -> {
                service.pendingMobile(tx).ifPresent(mobile -> model.addAttribute("mobile", mobile.masked()));
                yield showError(rejected, "smslogin/code", response, model, locale);
            }
            case LoginResult.Pending pending -> throw new IllegalStateException("step 2 cannot be pending");
        };
    }

    @PostMapping("/kod/nytt")
    String resendCode(HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
        String tx = transaction(request);
        LoginResult result = service.resend(tx, request.getRemoteAddr());
        return switch (result) {
            case LoginResult.Pending pending -> "redirect:/login/sms/kod?skickat";
            case LoginResult.Rejected rejected -> {
                service.pendingMobile(tx).ifPresent(mobile -> model.addAttribute("mobile", mobile.masked()));
                yield showError(rejected, "smslogin/code", response, model, locale);
            }
            case LoginResult.Authenticated authenticated -> throw new IllegalStateException("resend cannot finish");
        };
    }

    private String showError(LoginResult.Rejected rejected, String view, HttpServletResponse response, Model model,
                             Locale locale) {
        ShownError error = messages.show(rejected.code(), rejected.field(), locale, rejected.arguments());
        response.setStatus(rejected.code().httpStatus());
        model.addAttribute("errors", List.of(error));
        model.addAttribute("restart", rejected.restart());
        return view;
    }

    private static String transaction(HttpServletRequest request) {
        Cookie cookie = WebUtils.getCookie(request, TRANSACTION_COOKIE);
        return cookie == null || cookie.getValue().isEmpty() ? null : cookie.getValue();
    }

    /** Keeps {@code transactionId} in the browser, or removes it ({@code null}) once the login is done. */
    private void setTransaction(String transactionId, HttpServletRequest request, HttpServletResponse response) {
        ResponseCookie cookie = cookies.applyTo(ResponseCookie.from(TRANSACTION_COOKIE,
                        transactionId == null ? "" : transactionId).path(COOKIE_PATH).secure(request.isSecure())
                .maxAge(transactionId == null ? Duration.ZERO : Duration.ofSeconds(-1))).build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }
}
