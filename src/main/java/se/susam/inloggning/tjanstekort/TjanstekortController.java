package se.susam.inloggning.tjanstekort;

import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import se.susam.inloggning.errors.ErrorCode;
import se.susam.inloggning.errors.ErrorMessages;
import se.susam.inloggning.errors.SusException;
import se.susam.inloggning.login.EidTestPage;
import se.susam.inloggning.login.LoginCompletion;

/**
 * Tjänstekort login. The site's "Tjänstekort FK" ({@code /login/tjanstekort}) and AF's desktop
 * link ({@code /login/arbetsformedlingen}) send the browser to {@code /tjanstekort/{issuer}} on the
 * certificate connector (or the proxy's host), where the handshake asks for the card; the issuer
 * in the address chooses whose trust settings apply. A valid certificate ends in
 * {@link LoginCompletion}, as every login method does.
 */
@Controller
@ConditionalOnProperty(name = "sus.certificate-login.enabled", havingValue = "true")
class TjanstekortController {

    static final String FK = "fk";
    static final String AF = "af";

    private final CertificateLoginService service;
    private final IssuerTrusts issuers;
    private final CertificateLoginProperties properties;
    private final LoginCompletion completion;
    private final ErrorMessages messages;
    private final EidTestPage eidTest;

    TjanstekortController(CertificateLoginService service, IssuerTrusts issuers, CertificateLoginProperties properties,
                          LoginCompletion completion, ErrorMessages messages, EidTestPage eidTest) {
        this.eidTest = eidTest;
        this.service = service;
        this.issuers = issuers;
        this.properties = properties;
        this.completion = completion;
        this.messages = messages;
    }

    @GetMapping("/login/tjanstekort")
    String startFk() {
        return "redirect:" + loginUrl(FK);
    }

    /** The stable address behind AF's desktop shortcut: straight to login with AF's trust settings. */
    @GetMapping("/login/arbetsformedlingen")
    String startAf() {
        return "redirect:" + loginUrl(AF);
    }

    @GetMapping("/tjanstekort/{issuer}")
    String login(@PathVariable String issuer, HttpServletRequest request, HttpServletResponse response, Model model,
                 Locale locale) {
        return checkCard(issuer, loginUrl(issuer), request, response, model, locale,
                (authenticated, card) -> onSite(
                        completion.complete(authenticated.identity(), request, response, model, locale)));
    }

    /** "Testa din e-legitimation" with the FK card: the same checks, then the test result instead of a session. */
    @GetMapping("/testa-e-legitimation/tjanstekort")
    String startTest() {
        return "redirect:" + properties.effectiveBaseUrl().resolve("/tjanstekort/" + FK + "/test");
    }

    @GetMapping("/tjanstekort/{issuer}/test")
    String test(@PathVariable String issuer, HttpServletRequest request, HttpServletResponse response, Model model,
                Locale locale) {
        return checkCard(issuer, loginUrl(issuer) + "/test", request, response, model, locale,
                (authenticated, card) -> eidTest.show(authenticated.identity(), commonName(card),
                        List.of(new EidTestPage.Detail("eidtest.result.issuer",
                                        commonName(card.getIssuerX500Principal())),
                                new EidTestPage.Detail("eidtest.result.validity", LocalDate.ofInstant(
                                        card.getNotAfter().toInstant(), ZoneId.of("Europe/Stockholm")).toString())),
                        request.getRemoteAddr(), model, locale));
    }

    /**
     * Checks the card presented at {@code /tjanstekort/{issuer}...} with that issuer's trust settings;
     * a valid card goes to {@code onValid} with the card's certificate, a refused one gets the
     * refusal page whose "try again" leads to {@code retryUrl}.
     */
    private String checkCard(String issuer, String retryUrl, HttpServletRequest request, HttpServletResponse response,
                             Model model, Locale locale,
                             BiFunction<CertificateLoginResult.Authenticated, X509Certificate, String> onValid) {
        IssuerTrust trust = issuers.byKey(issuer).orElseThrow(() -> new SusException(ErrorCode.GEN_NOT_FOUND));
        PresentedCertificate presented = CertificateSource.from(request, properties.proxy().header());
        return switch (service.authenticate(trust, presented, request.getRemoteAddr())) {
            case CertificateLoginResult.Authenticated authenticated ->
                    onValid.apply(authenticated, ((PresentedCertificate.Chain) presented).certificates().getFirst());
            case CertificateLoginResult.Rejected rejected -> {
                response.setStatus(rejected.code().httpStatus());
                model.addAttribute("errors", List.of(messages.show(rejected.code(), null, locale)));
                model.addAttribute("retryUrl", retryUrl);
                yield "tjanstekort/failed";
            }
        };
    }

    private static String commonName(X509Certificate certificate) {
        return commonName(certificate.getSubjectX500Principal());
    }

    private static String commonName(javax.security.auth.x500.X500Principal principal) {
        try {
            return new javax.naming.ldap.LdapName(principal.getName()).getRdns().stream()
                    .filter(rdn -> rdn.getType().equalsIgnoreCase("CN")).map(rdn -> rdn.getValue().toString())
                    .findFirst().orElse(principal.getName());
        } catch (javax.naming.InvalidNameException e) {
            return principal.getName();
        }
    }

    private String loginUrl(String issuer) {
        return properties.effectiveBaseUrl().resolve("/tjanstekort/" + issuer).toString();
    }

    /** A redirect into SUS goes to the ordinary site, which never asks for a certificate. */
    private String onSite(String view) {
        String redirect = "redirect:";
        return view.startsWith(redirect)
                ? redirect + properties.siteUrl().resolve(view.substring(redirect.length()))
                : view;
    }
}
