package se.susam.inloggning.bankidlogin;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import se.susam.inloggning.bankid.Rfa;
import se.susam.inloggning.errors.ErrorCode;
import se.susam.inloggning.errors.ErrorMessages;
import se.susam.inloggning.login.AuthenticatedIdentity;
import se.susam.inloggning.login.EidTestPage;
import se.susam.inloggning.login.LoginCompletion;

/**
 * The pages of BankID login: the device question ({@code /login/bankid}), the waiting page with
 * the QR code or the app link ({@code /login/bankid/vantar}, refreshed by the browser every second:
 * by a small script polling {@link BankIdStatusFilter}, or without JavaScript by meta refresh), the
 * QR image, "Avbryt", and the app's return on a phone.
 */
@Controller
@RequestMapping("/login/bankid")
class BankIdLoginController {

    static final String LOGIN = "sus.bankid.login";
    /** Session attribute: the poll token of the login in {@link #LOGIN}, for its waiting page. */
    static final String POLL_TOKEN = "sus.bankid.poll";
    /** Session attribute: this BankID login is "Testa din e-legitimation", not a login to SUS. */
    static final String TEST_MODE = "sus.bankid.test";
    private static final String DEVICE_COOKIE = "sus-enhet";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final BankIdLoginService service;
    private final LoginCompletion completion;
    private final ErrorMessages messages;
    private final Set<String> trustedProxies;
    private final EidTestPage eidTest;

    BankIdLoginController(BankIdLoginService service, LoginCompletion completion, ErrorMessages messages,
                          BankIdProperties properties, EidTestPage eidTest) {
        this.service = service;
        this.eidTest = eidTest;
        this.completion = completion;
        this.messages = messages;
        this.trustedProxies = Set.copyOf(properties.trustedProxies().stream().filter(p -> !p.isBlank()).toList());
    }

    /** RFA19 on a computer, RFA20 on a phone: which device the BankID is on. */
    @GetMapping
    String choose(HttpServletRequest request, Model model, @RequestParam(required = false) String avbruten,
                  @RequestParam(required = false) String test) {
        if (test != null) {
            request.getSession(true).setAttribute(TEST_MODE, Boolean.TRUE);
        } else if (request.getSession(false) != null && avbruten == null) {
            request.getSession(false).removeAttribute(TEST_MODE);
        }
        return renderChoice(request, model, avbruten);
    }

    private String renderChoice(HttpServletRequest request, Model model, String avbruten) {
        HttpSession session = request.getSession(false);
        model.addAttribute("testMode", session != null && Boolean.TRUE.equals(session.getAttribute(TEST_MODE)));
        boolean mobile = isMobile(request);
        model.addAttribute("mobile", mobile);
        model.addAttribute("question", (mobile ? Rfa.RFA20 : Rfa.RFA19));
        model.addAttribute("cancelled", avbruten != null ? Rfa.RFA6 : null);
        return "bankidlogin/choose";
    }

    @PostMapping("/start")
    String start(@RequestParam(defaultValue = "") String enhet, HttpServletRequest request,
                 HttpServletResponse response, Model model, Locale locale) {
        BankIdLogins.Device device = switch (enhet) {
            case "denna" -> BankIdLogins.Device.SAME;
            case "annan" -> BankIdLogins.Device.OTHER;
            default -> null;
        };
        if (device == null) {
            model.addAttribute("errors", List.of(messages.show(ErrorCode.BID_DEVICE_CHOICE, "enhet-denna", locale)));
            response.setStatus(ErrorCode.BID_DEVICE_CHOICE.httpStatus());
            return renderChoice(request, model, null);
        }
        String base = request.getScheme() + "://" + request.getServerName()
                + (isDefaultPort(request) ? "" : ":" + request.getServerPort()) + request.getContextPath();
        BankIdLoginService.Started started = service.start(new BankIdLoginService.Start(device, isMobile(request),
                ClientAddress.of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), trustedProxies),
                request.getHeader("User-Agent"), request.getServerName(), deviceIdentifier(request, response), base));
        return switch (started) {
            case BankIdLoginService.Started.Ok ok -> {
                request.getSession(true).setAttribute(LOGIN, ok.loginId());
                request.getSession().setAttribute(POLL_TOKEN, ok.pollToken());
                yield "redirect:/login/bankid/vantar";
            }
            case BankIdLoginService.Started.Refused refused -> failed(refused.code(), refused.rfa(), response, model, locale);
        };
    }

    @GetMapping("/vantar")
    String waiting(HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
        String loginId = loginId(request);
        return switch (service.status(loginId)) {
            case BankIdStatus.Pending pending -> {
                model.addAttribute("status", pending);
                model.addAttribute("message", pending.rfa().text(locale.getLanguage()));
                model.addAttribute("startLabel", Rfa.RFA18.text(locale.getLanguage()));
                model.addAttribute("refreshSeconds", 1);
                model.addAttribute("pageScript", "/js/bankid.js");
                model.addAttribute("pollToken", request.getSession().getAttribute(POLL_TOKEN));
                yield "bankidlogin/waiting";
            }
            case BankIdStatus.Complete complete -> {
                AuthenticatedIdentity identity = service.handOver(loginId).orElse(null);
                if (identity == null) {
                    yield failed(ErrorCode.BID_NO_LOGIN, Rfa.RFA22, response, model, locale);
                }
                HttpSession session = request.getSession(false);
                if (session != null && Boolean.TRUE.equals(session.getAttribute(TEST_MODE))) {
                    session.removeAttribute(TEST_MODE);
                    yield eidTest.show(identity, null,
                            List.of(new EidTestPage.Detail("eidtest.result.issuer", "BankID")),
                            request.getRemoteAddr(), model, locale);
                }
                yield completion.complete(identity, request, response, model, locale);
            }
            case BankIdStatus.Failed failed -> failed(failed.code(), failed.rfa(), response, model, locale);
        };
    }

    @PostMapping("/avbryt")
    String cancel(HttpServletRequest request) {
        service.cancel(loginId(request));
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(LOGIN);
            session.removeAttribute(POLL_TOKEN);
        }
        return "redirect:/login/bankid?avbruten";
    }

    /** The BankID app on a phone returns here; the nonce shows it is this browser's login. */
    @GetMapping("/retur")
    String returned(@RequestParam(defaultValue = "") String nonce, HttpServletRequest request,
                    HttpServletResponse response, Model model, Locale locale) {
        if (!service.isReturnOf(loginId(request), nonce)) {
            return failed(ErrorCode.BID_RETURN_MISMATCH, Rfa.RFA22, response, model, locale);
        }
        return "redirect:/login/bankid/vantar";
    }

    private String failed(ErrorCode code, Rfa rfa, HttpServletResponse response, Model model, Locale locale) {
        response.setStatus(code.httpStatus());
        model.addAttribute("errors", List.of(messages.show(code, null, locale)));
        model.addAttribute("message", rfa.text(locale.getLanguage()));
        return "bankidlogin/failed";
    }

    private static String loginId(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (String) session.getAttribute(LOGIN);
    }

    static boolean isMobile(HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        return agent != null && (agent.contains("Mobi") || agent.contains("Android") || agent.contains("iPhone")
                || agent.contains("iPad"));
    }

    private static boolean isDefaultPort(HttpServletRequest request) {
        return ("https".equals(request.getScheme()) && request.getServerPort() == 443)
                || ("http".equals(request.getScheme()) && request.getServerPort() == 80);
    }

    /**
     * BankID's {@code web.deviceIdentifier}: a hash of a random long-lived cookie of this browser,
     * so the risk assessment can tell a known browser from a new one without learning who it is.
     */
    private static String deviceIdentifier(HttpServletRequest request, HttpServletResponse response) {
        String value = null;
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (DEVICE_COOKIE.equals(cookie.getName()) && cookie.getValue().matches("[0-9a-f]{32}")) {
                    value = cookie.getValue();
                }
            }
        }
        if (value == null) {
            byte[] random = new byte[16];
            RANDOM.nextBytes(random);
            value = HexFormat.of().formatHex(random);
            Cookie cookie = new Cookie(DEVICE_COOKIE, value);
            cookie.setHttpOnly(true);
            cookie.setSecure(request.isSecure());
            cookie.setPath("/login/bankid");
            cookie.setMaxAge(60 * 60 * 24 * 365);
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
        }
        return Sha256.hex(value);
    }
}
