package se.susam.inloggning.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

/**
 * Felanmälan in Chromium: from an error page's "Gör en felanmälan" through the group question to the
 * prefilled form, its error summary and the receipt, each checked with axe-core (WCAG 2.1 AA).
 */
@BrowserTest
class IncidentReportInBrowserTest {

    private static final String OTHER_ORGANISATION =
            "En annan organisation, till exempel en kommun, en region eller ett samordningsförbund";

    @Test
    void errorPageLinkWhenFollowedThenGroupQuestionAndPrefilledFormHaveNoWcagViolations(Browser browser) {
        browser.open("/support/vanliga-felmeddelanden/finns-inte").clickLink("Gör en felanmälan");

        assertThat(browser.text()).contains("Var arbetar du?");
        browser.screenshot("felanmalan-group");
        Axe.assertNoViolations(browser);

        browser.field(OTHER_ORGANISATION).click();
        browser.clickButton("Fortsätt");

        assertThat(browser.heading()).isEqualTo("Felanmälan");
        assertThat(browser.field("Felkod (om du fick någon)").getDomProperty("value")).isEqualTo("GEN-003");
        assertThat(browser.field("Referens (om du fick någon)").getDomProperty("value")).matches("[A-Z2-9]{10}");
        assertThat(browser.text()).contains("Innan du gör en felanmälan bör du först kontrollera följande",
                "Vi skickar med vilken webbläsare du använder: Chrome");
        browser.screenshot("felanmalan-form");
        Axe.assertNoViolations(browser);
    }

    @Test
    void groupQuestionWhenSentWithoutAChoiceThenErrorHasNoWcagViolations(Browser browser) {
        browser.open("/felanmalan").clickButton("Fortsätt");

        assertThat(browser.text()).contains("Välj var du arbetar.", "FEL-001");
        Axe.assertNoViolations(browser);
    }

    @Test
    void helpdeskPageForForsakringskassanStaffHasNoWcagViolations(Browser browser) {
        browser.open("/felanmalan?grupp=fk&kod=GEN-002&ref=K7QM2XH9PD");

        assertThat(browser.text()).contains("anknytning 81 000, val 1");
        Axe.assertNoViolations(browser);
    }

    @Test
    void formWhenSentEmptyThenErrorSummaryHasNoWcagViolations(Browser browser) {
        browser.open("/felanmalan?grupp=ovriga").fill("När uppstod felet?", "i morse").clickButton("Skicka felanmälan");

        assertThat(browser.title()).isEqualTo("Fel: Felanmälan");
        assertThat(browser.text()).contains("Det finns ett problem", "Ange ditt namn.", "FEL-002",
                "Ange när felet uppstod, till exempel 2026-03-04 09:15.", "FEL-010");
        assertThat(browser.field("När uppstod felet?").getDomProperty("value")).isEqualTo("i morse");
        browser.screenshot("felanmalan-form-errors");
        Axe.assertNoViolations(browser);
    }

    @Test
    void reportWhenSentThenReceiptShowsTheTicketNumberWithoutWcagViolations(Browser browser) {
        browser.open("/felanmalan?grupp=ovriga&kod=SMS-003")
                .fill("Namn", "Maja Testsson")
                .fill("E-postadress", "maja.testsson@kommun.example.se")
                .fill("Organisation", "Testkommunen")
                .fill("Beskriv vad som hände", "Jag kommer inte in trots rätt lösenord.");
        assertThat(new Select(browser.field("Inloggningsmetod")).getFirstSelectedOption().getText())
                .isEqualTo("SMS-inloggning");

        browser.clickButton("Skicka felanmälan");

        assertThat(browser.path()).startsWith("/felanmalan/kvitto/FA-");
        assertThat(browser.heading()).isEqualTo("Din felanmälan är skickad");
        assertThat(browser.text()).containsPattern("Ärendenummer\\s+FA-\\d{4}-\\d{6}");
        browser.screenshot("felanmalan-receipt");
        Axe.assertNoViolations(browser);
    }

    @Test
    void formWithErrorsWhenShown320PixelsWideThenNeedsNoSidewaysScrolling(Browser browser) {
        browser.asPhone(SmallScreenTest.REFLOW_WIDTH).open("/felanmalan?grupp=ovriga&kod=SMS-003&ref=K7QM2XH9PD")
                .clickButton("Skicka felanmälan");

        assertThat(browser.text()).contains("Det finns ett problem");
        assertThat(browser.scrollsSideways()).isFalse();
        browser.asPhone(SmallScreenTest.PHONE_WIDTH).screenshot("phone-felanmalan-errors");
    }

    @Test
    void formInEnglishHasNoWcagViolations(Browser browser) {
        browser.open("/felanmalan?grupp=af&lang=en");

        assertThat(browser.language()).isEqualTo("en");
        assertThat(browser.heading()).isEqualTo("Report a fault");
        Axe.assertNoViolations(browser);
    }
}
