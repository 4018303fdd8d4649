package se.susam.inloggning.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.susam.inloggning.testsupport.DatabaseTest;
import se.susam.inloggning.testsupport.WebClient;
import se.susam.inloggning.testsupport.WebClient.Page;

/** The seed page "Support inloggning till SUS" as real pages (SPEC §3.1). */
@DatabaseTest
class SupportPagesTest {

    @LocalServerPort
    int port;

    private Page get(String path) {
        return new WebClient("http://localhost:" + port).get(path);
    }

    @Test
    void supportPageWhenShownThenEverySectionOfTheSeedWithItsAnchor() {
        Page page = get("/support");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("Support inloggning till SUS", "Vilken inloggningsmetod ska jag använda?",
                "Jag hamnar på sidan Du saknar behörighet till SUS", "Anställda på Försäkringskassan",
                "Anställda på Arbetsförmedlingen", "SMS-inloggning", "Jag har förlorat mitt masterlösenord",
                "Nytt mobiltelefonnummer", "E-legitimation via Telia", "Mobilt BankID", "BankID");
        for (String anchor : new String[] {"vilken-inloggningsmetod", "saknar-behorighet", "forsakringskassan",
                "arbetsformedlingen", "sms-inloggning", "forlorat-masterlosenord", "nytt-mobiltelefonnummer", "telia",
                "mobilt-bankid", "bankid"}) {
            assertThat(page.body()).contains("id=\"" + anchor + "\"").contains("href=\"#" + anchor + "\"");
        }
    }

    @Test
    void supportPageWhenShownThenEachGroupHasItsOwnContact() {
        String text = get("/support").text();
        assertThat(text).contains("Gör en felanmälan till Helpdesk via incident i ARS eller kontakta Helpdesk på anknytning 81 000, val 1");
        assertThat(text).contains("Kundcenter för partner på 0771–17 90 00");
        assertThat(text).contains("Ditt lösenord ”Your OTP:” består av 6 tecken", "Lösenordet består av 8 tecken",
                "flash-SMS", "Välj certifikat för autentisering", "blankett 9445");
    }

    @Test
    void supportPageWhenLinkingElsewhereThenNewWindowSaidAndSet() {
        String body = get("/support").body();
        assertThat(body).contains("target=\"_blank\" rel=\"noopener noreferrer\"");
        Matcher external = Pattern.compile("<a href=\"https[^\"]+\" target=\"_blank\"[^>]*>([^<]+)</a>").matcher(body);
        int count = 0;
        while (external.find()) {
            assertThat(external.group(1)).contains("öppnas i nytt fönster");
            count++;
        }
        assertThat(count).isGreaterThan(4);
    }

    @Test
    void supportPageWhenEnglishChosenThenEnglishWithSameAnchors() {
        Page page = get("/support?lang=en");
        assertThat(page.text()).contains("Support for logging in to SUS", "Which login method should I use?");
        assertThat(page.body()).contains("id=\"forlorat-masterlosenord\"", "lang=\"en\"");
    }

    @Test
    void accessPageWhenShownThenExplainsForm9445AndNoAccessPage() {
        Page page = get("/behorigheter");
        assertThat(page.text()).contains("Behörigheter", "blankett 9445", "Beställning användare i SUS",
                "Du saknar behörighet till SUS", "Samverkansadministratör och Deltagaransvarig kan inte kombineras");
    }

    @Test
    void accessibilityStatementWhenShownThenSaysHowToReportBarriers() {
        Page page = get("/tillganglighet");
        assertThat(page.text()).contains("Tillgänglighetsredogörelse", "WCAG 2.1", "Rapportera brister", "Digg");
    }

    @Test
    void contentFilesWhenWrittenThenNeverSmuggleInRawHtml() throws IOException {
        try (var files = Files.walk(Path.of("src/main/resources/content"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).toList()) {
                assertThat(Files.readString(file, StandardCharsets.UTF_8)).as(file.toString()).doesNotContain("<script");
            }
        }
        assertThat(get("/support").body()).doesNotContain("{#");
    }
}
