package se.susam.inloggning.tjanstekort;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Arbetsförmedlingen's desktop link: the page for AF's IT and the shortcuts it rolls out, a
 * Windows Internet Shortcut ({@code .url}) and a freedesktop.org Desktop Entry of {@code Type=Link}
 * ({@code .desktop}), both pointing at the stable address {@code /login/arbetsformedlingen}.
 */
@Controller
@ConditionalOnProperty(name = "sus.certificate-login.enabled", havingValue = "true")
class AfDesktopLinkController {

    static final String PAGE = "/support/arbetsformedlingen";

    private final CertificateLoginProperties properties;
    private final MessageSource messages;

    AfDesktopLinkController(CertificateLoginProperties properties, MessageSource messages) {
        this.properties = properties;
        this.messages = messages;
    }

    URI stableLink() {
        return properties.siteUrl().resolve("/login/arbetsformedlingen");
    }

    @GetMapping(PAGE)
    String page(Model model) {
        model.addAttribute("link", stableLink());
        model.addAttribute("certificateHost", properties.effectiveBaseUrl());
        return "tjanstekort/arbetsformedlingen";
    }

    @GetMapping(PAGE + "/SUS.url")
    ResponseEntity<byte[]> windowsShortcut() {
        String body = "[InternetShortcut]\r\nURL=" + stableLink() + "\r\n";
        return download(body, "SUS.url", "application/internet-shortcut");
    }

    @GetMapping(PAGE + "/sus.desktop")
    ResponseEntity<byte[]> linuxShortcut(Locale locale) {
        String body = """
                [Desktop Entry]
                Version=1.0
                Type=Link
                Name=%s
                URL=%s
                Icon=web-browser
                """.formatted(messages.getMessage("af.shortcut.name", null, locale), stableLink());
        return download(body, "sus.desktop", "application/x-desktop");
    }

    private static ResponseEntity<byte[]> download(String body, String fileName, String mediaType) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(mediaType + ";charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(body.getBytes(StandardCharsets.UTF_8));
    }
}
