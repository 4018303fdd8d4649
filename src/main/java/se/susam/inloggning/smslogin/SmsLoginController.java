package se.susam.inloggning.smslogin;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import se.susam.inloggning.errors.ErrorCode;
import se.susam.inloggning.errors.ErrorMessages;
import se.susam.inloggning.errors.ShownError;
import se.susam.inloggning.login.LoginCompletion;

/**
 * The two pages of SMS-inloggning: {@code /login/sms} (personnummer and lösenord, "Logga in") and
 * {@code /login/sms/kod} ("Skriv in ditt engångslösen", "Bekräfta engångslösen"). Every POST
 * answers with a redirect on success (so reloading never sends another SMS) or the same page with
 * the error summary and the code's HTTP status.
 */
@Controller
@RequestMapping("/login/sms")
class SmsLoginController {

    static final String TRANSACTION = "sus.sms.transaction";

    private final SmsLoginService service;
    private final LoginCompletion completion;
    private final ErrorMessages messages;

    SmsLoginController(SmsLoginService service, LoginCompletion completion, ErrorMessages messages) {
        this.service = service;
        this.completion = completion;
        this.messages = messages;
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
                request.getSession(true).setAttribute(TRANSACTION, pending.transactionId());
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
            case LoginResult.Authenticated authenticated ->
                    completion.complete(authenticated.identity(), request, response, model, locale);
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
        HttpSession session = request.getSession(false);
        return session == null ? null : (String) session.getAttribute(TRANSACTION);
    }
}
