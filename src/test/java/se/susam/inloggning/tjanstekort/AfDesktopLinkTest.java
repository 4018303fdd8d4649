package se.susam.inloggning.tjanstekort;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import se.susam.inloggning.testsupport.WebClient;
import se.susam.inloggning.testsupport.WebClient.Page;

/** Arbetsförmedlingen's desktop link: the stable address, the two shortcuts and the page for AF's IT. */
class AfDesktopLinkTest extends CertificateLoginContext {

    private final WebClient browser = new WebClient(PKI.siteUrl());

    private HttpResponse<String> download(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(PKI.siteUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void stableLinkWhenOpenedThenStartsTjanstekortLoginWithAfTrustWithoutTheChooser() {
        Page page = browser.get("/login/arbetsformedlingen");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).isEqualTo(PKI.certificateUrl() + "/tjanstekort/af");
    }

    @Test
    void windowsShortcutWhenDownloadedThenInternetShortcutToTheStableLink() throws Exception {
        HttpResponse<String> shortcut = download("/support/arbetsformedlingen/SUS.url");
        assertThat(shortcut.statusCode()).isEqualTo(200);
        assertThat(shortcut.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                value -> assertThat(value).contains("attachment", "SUS.url"));
        assertThat(shortcut.body()).isEqualTo("[InternetShortcut]\r\nURL=" + PKI.siteUrl()
                + "/login/arbetsformedlingen\r\n");
    }

    @Test
    void linuxShortcutWhenDownloadedThenDesktopEntryOfTypeLink() throws Exception {
        HttpResponse<String> shortcut = download("/support/arbetsformedlingen/sus.desktop");
        assertThat(shortcut.statusCode()).isEqualTo(200);
        assertThat(shortcut.body()).startsWith("[Desktop Entry]\n").contains("Type=Link\n",
                "Name=Logga in i SUS\n", "URL=" + PKI.siteUrl() + "/login/arbetsformedlingen\n");
    }

    @Test
    void pageForAfItWhenOpenedThenShowsTheLinkDownloadsAndRollOut() {
        Page page = browser.get("/support/arbetsformedlingen");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("Inloggningslänk för Arbetsförmedlingen",
                PKI.siteUrl() + "/login/arbetsformedlingen", "C:\\Users\\Public\\Desktop", "AutoSelectCertificateForUrls",
                "0771–17 90 00");
        assertThat(page.body()).contains("/support/arbetsformedlingen/SUS.url", "/support/arbetsformedlingen/sus.desktop");
    }

    @Test
    void cataloguePageWhenOpenedThenListsEveryTjanstekortCode() {
        Page page = browser.get("/support/vanliga-felmeddelanden/tjanstekort");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("Vanliga felmeddelanden (Tjänstekort)");
        for (int i = 1; i <= 12; i++) {
            assertThat(page.body()).contains("id=\"TJK-%03d\"".formatted(i));
        }
    }
}
