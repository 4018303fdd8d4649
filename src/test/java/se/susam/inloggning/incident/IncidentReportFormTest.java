package se.susam.inloggning.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.susam.inloggning.access.AccessStatus;
import se.susam.inloggning.testsupport.DatabaseTest;
import se.susam.inloggning.testsupport.MutableClock;
import se.susam.inloggning.testsupport.TestRegistry;
import se.susam.inloggning.testsupport.WebClient;
import se.susam.inloggning.testsupport.WebClient.Page;

/**
 * Felanmälan before anything is sent: the links from error pages, the prefilled form, and where each
 * group is sent (seed page: Försäkringskassan's staff to Helpdesk, everyone else to Kundcenter).
 */
@DatabaseTest
class IncidentReportFormTest {

    private static final Pattern REPORT_LINK = Pattern.compile("href=\"(/felanmalan\\?[^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    TestRegistry registry;

    @Autowired
    MutableClock clock;

    private WebClient browser() {
        return new WebClient("http://localhost:" + port).userAgent(Reporter.CHROME_ON_WINDOWS);
    }

    private static String reportLink(Page page) {
        Matcher m = REPORT_LINK.matcher(page.body());
        assertThat(m.find()).as("a \"Gör en felanmälan\" link on the page").isTrue();
        return m.group(1).replace("&amp;", "&");
    }

    private static String valueOf(Page page, String inputId) {
        Matcher m = Pattern.compile("<input id=\"" + inputId + "\"[^>]*value=\"([^\"]*)\"").matcher(page.body());
        assertThat(m.find()).as("input " + inputId).isTrue();
        return m.group(1);
    }

    private static String reference(Page page) {
        Matcher m = Pattern.compile("Referens\\s*:\\s*([A-Z0-9]{10})").matcher(page.text());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void errorPageWhenShownThenReportLinkCarriesItsCodeAndReference() {
        Page page = browser().get("/support/vanliga-felmeddelanden/finns-inte");

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.text()).contains("Gör en felanmälan");
        assertThat(reportLink(page)).isEqualTo("/felanmalan?kod=GEN-003&ref=" + reference(page));
    }

    @Test
    void genericErrorPageWhenShownThenReportLinkCarriesItsCodeAndReference() {
        Page page = browser().get("/login/finns-inte");

        assertThat(page.status()).isEqualTo(404);
        assertThat(reportLink(page)).isEqualTo("/felanmalan?kod=GEN-003&ref=" + reference(page));
    }

    @Test
    void errorSummaryWhenSmsLoginRejectedThenReportLinkCarriesCodeAndReference() {
        WebClient browser = browser();
        browser.get("/login/sms");

        Page page = browser.post("/login/sms", "personnummer", "", "password", "");

        assertThat(page.status()).isEqualTo(400);
        assertThat(reportLink(page)).startsWith("/felanmalan?kod=PNR-001&ref=" + reference(page));
    }

    @Test
    void noAccessPageWhenShownThenReportLinkAlsoCarriesTheLoginMethod() {
        TestRegistry.SmsUser expired = registry.smsUser("Pw8rVhc6", AccessStatus.ACTIVE,
                LocalDate.now().minusYears(1), LocalDate.now().minusMonths(1));
        WebClient browser = browser();
        browser.get("/login/sms");
        browser.post("/login/sms", "personnummer", expired.personnummer(), "password", expired.masterPassword());
        browser.get("/login/sms/kod");

        Page page = browser.post("/login/sms/kod", "code", browser.latestCodeSentTo(expired.mobile().e164()));

        assertThat(page.status()).isEqualTo(403);
        assertThat(reportLink(page)).isEqualTo("/felanmalan?kod=ACC-002&ref=" + reference(page) + "&metod=SMS");
    }

    @Test
    void reportLinkWhenFollowedWithoutGroupThenAsksWhereTheUserWorksCarryingCodeAndReference() {
        Page page = browser().get("/felanmalan?kod=SMS-003&ref=K7QM2XH9PD");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("Felanmälan", "Var arbetar du?", "Försäkringskassan", "Arbetsförmedlingen",
                "En annan organisation");
        assertThat(page.body()).contains("name=\"kod\" value=\"SMS-003\"", "name=\"ref\" value=\"K7QM2XH9PD\"",
                "name=\"steg\" value=\"grupp\"");
    }

    @Test
    void groupQuestionWhenSentWithoutAChoiceThen400WithItsCode() {
        Page page = browser().get("/felanmalan?steg=grupp&kod=SMS-003");

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text()).contains("Det finns ett problem", "Välj var du arbetar.", "FEL-001");
        assertThat(page.body()).contains("href=\"#grupp-fk\"", "name=\"kod\" value=\"SMS-003\"");
    }

    @Test
    void groupWhenUnknownValueThen400WithItsCode() {
        Page page = browser().get("/felanmalan?grupp=kommun");

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text()).contains("Välj var du arbetar.", "FEL-001");
    }

    @Test
    void forsakringskassanStaffWhenReportingThenSentToHelpdeskNotToTheForm() {
        Page page = browser().get("/felanmalan?grupp=fk&kod=GEN-002&ref=K7QM2XH9PD");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("Innan du gör en felanmälan till Helpdesk ska du först kontrollera följande",
                "Aktuell driftinformation.", "SUS kan vara otillgängligt för tillfället.",
                "Gör en felanmälan till Helpdesk via incident i ARS eller kontakta Helpdesk på anknytning 81 000, val 1.",
                "GEN-002", "K7QM2XH9PD");
        assertThat(page.body()).contains("href=\"/driftinformation\"").doesNotContain("method=\"post\"")
                .doesNotContain("0771–17 90 00");
    }

    @Test
    void arbetsformedlingenStaffWhenReportingThenChecklistAndFormForKundcenter() {
        Page page = browser().get("/felanmalan?grupp=af");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("Du har angett att du arbetar på Arbetsförmedlingen.",
                "Innan du gör en felanmälan bör du först kontrollera följande", "Aktuell driftinformation.",
                "Vanliga felmeddelanden.", "Försäkringskassans Kundcenter för partner på 0771–17 90 00",
                "Skicka felanmälan").doesNotContain("Helpdesk");
        assertThat(page.body()).contains("href=\"/driftinformation\"", "method=\"post\"",
                "name=\"grupp\" value=\"af\"");
    }

    @Test
    void everyoneElseWhenReportingThenTheSameFormForKundcenter() {
        Page page = browser().get("/felanmalan?grupp=ovriga&metod=BANKID");

        assertThat(page.text()).contains("Du har angett att du arbetar på en annan organisation",
                "0771–17 90 00", "Skicka felanmälan");
        assertThat(page.body()).contains("name=\"grupp\" value=\"ovriga\"",
                "<option value=\"BANKID\" selected=\"selected\">BankID</option>");
    }

    @Test
    void formWhenOpenedFromAnErrorThenPrefilledWithCodeReferenceMethodTimeAndBrowser() {
        String now = LocalDateTime.ofInstant(clock.instant(), ZoneId.of("Europe/Stockholm"))
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:"));

        Page page = browser().get("/felanmalan?grupp=ovriga&kod=sms-003&ref=k7qm2xh9pd");

        assertThat(valueOf(page, "kod")).isEqualTo("SMS-003");
        assertThat(valueOf(page, "ref")).isEqualTo("K7QM2XH9PD");
        assertThat(valueOf(page, "tid")).startsWith(now);
        assertThat(page.body()).contains("<option value=\"SMS\" selected=\"selected\">SMS-inloggning</option>");
        assertThat(page.text()).contains("Vi skickar med vilken webbläsare du använder: Chrome 131, Windows.");
    }

    @Test
    void checklistWhenCodeKnownThenLinksToThatCodesEntryInVanligaFelmeddelanden() {
        Page page = browser().get("/felanmalan?grupp=ovriga&kod=SMS-003");

        assertThat(page.text()).contains("Läs vad felkod SMS-003 betyder och vad du kan göra.");
        assertThat(page.body()).contains("href=\"/support/vanliga-felmeddelanden/sms#SMS-003\"");
    }

    @Test
    void checklistWhenOnlyMethodKnownThenLinksToThatMethodsHelp() {
        Page page = browser().get("/felanmalan?grupp=ovriga&metod=SMS");

        assertThat(page.text()).contains("Läs Vanliga felmeddelanden och stödet för din inloggningsmetod.");
        assertThat(page.body()).contains("href=\"/support/vanliga-felmeddelanden/sms\"");
    }

    @Test
    void accessibilityStatementLinkWhenFollowedThenReportIsAboutAccessibility() {
        Page page = browser().get("/felanmalan?grupp=ovriga&typ=tillganglighet");

        assertThat(page.text()).contains("Beskriv bristen i tillgänglighet")
                .doesNotContain("Innan du gör en felanmälan");
        assertThat(page.body()).contains("value=\"tillganglighet\" checked=\"checked\"");
    }

    @Test
    void formWhenEnglishChosenThenEnglishTexts() {
        Page page = browser().get("/felanmalan?grupp=af&lang=en");

        assertThat(page.text()).contains("Report a fault", "Before you report a fault, check the following",
                "+46 771 17 90 00", "Send the report");
    }

    @Test
    void catalogueWhenFelanmalanPageShownThenListsEveryFelCodeInBothLanguages() {
        Page swedish = browser().get("/support/vanliga-felmeddelanden/felanmalan");
        Page english = browser().get("/support/vanliga-felmeddelanden/felanmalan?lang=en");

        assertThat(swedish.status()).isEqualTo(200);
        assertThat(swedish.text()).contains("Vanliga felmeddelanden (felanmälan)", "Ange din e-postadress.");
        assertThat(english.text()).contains("Common error messages (fault reports)", "Enter your email address.");
        for (int i = 1; i <= 18; i++) {
            assertThat(swedish.body()).contains("id=\"FEL-%03d\"".formatted(i));
        }
    }
}
