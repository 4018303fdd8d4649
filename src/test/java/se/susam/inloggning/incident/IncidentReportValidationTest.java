package se.susam.inloggning.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

import se.susam.inloggning.testsupport.DatabaseTest;
import se.susam.inloggning.testsupport.MutableClock;
import se.susam.inloggning.testsupport.WebClient.Page;

/**
 * Every bad input on the report form: HTTP 400, the GOV.UK error summary with the message and its
 * code, a link to the field, what was typed shown again, and nothing stored.
 */
@DatabaseTest
class IncidentReportValidationTest {

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    /** {@code x*201} in the table stands for 201 x's. */
    private static String expand(String value) {
        if (value == null) {
            return "";
        }
        int star = value.indexOf('*');
        return star < 0 ? value : value.substring(0, star).repeat(Integer.parseInt(value.substring(star + 1)));
    }

    @ParameterizedTest(name = "{0} = \"{1}\" → {2}")
    @CsvSource(delimiter = '|', nullValues = "", textBlock = """
            namn         |                   | FEL-002 | Ange ditt namn.
            namn         | x*201             | FEL-016 | Namnet får vara högst 200 tecken.
            epost        |                   | FEL-003 | Ange din e-postadress.
            epost        | maja.kommun.se    | FEL-004 | Ange en e-postadress i rätt format, till exempel namn@kommun.se.
            epost        | maja@kommun       | FEL-004 | Ange en e-postadress i rätt format, till exempel namn@kommun.se.
            epost        | maja @kommun.se   | FEL-004 | Ange en e-postadress i rätt format, till exempel namn@kommun.se.
            telefon      | 070-12            | FEL-005 | Ange ett telefonnummer som finns, eller lämna fältet tomt.
            telefon      | ring mig          | FEL-005 | Ange ett telefonnummer som finns, eller lämna fältet tomt.
            organisation |                   | FEL-006 | Ange den organisation du arbetar för.
            organisation | x*201             | FEL-018 | Organisationens namn får vara högst 200 tecken.
            metod        |                   | FEL-007 | Välj den inloggningsmetod du använde.
            metod        | FAX               | FEL-007 | Välj den inloggningsmetod du använde.
            kod          | SMS003            | FEL-008 | Skriv felkoden som i felmeddelandet, till exempel SMS-003.
            kod          | <b>SMS-003</b>    | FEL-008 | Skriv felkoden som i felmeddelandet, till exempel SMS-003.
            ref          | K7QM2X            | FEL-009 | Skriv referensen som i felmeddelandet: 10 bokstäver och siffror.
            ref          | K7QM2XH9P1        | FEL-009 | Skriv referensen som i felmeddelandet: 10 bokstäver och siffror.
            tid          |                   | FEL-010 | Ange när felet uppstod, till exempel 2026-03-04 09:15.
            tid          | i morse           | FEL-010 | Ange när felet uppstod, till exempel 2026-03-04 09:15.
            tid          | 2026-02-30 09:15  | FEL-010 | Ange när felet uppstod, till exempel 2026-03-04 09:15.
            beskrivning  |                   | FEL-012 | Beskriv vad som hände.
            beskrivning  | x*2001            | FEL-013 | Beskrivningen får vara högst 2000 tecken. Du har skrivit 2001.
            typ          |                   | FEL-017 | Välj vad felanmälan gäller.
            typ          | klagomal          | FEL-017 | Välj vad felanmälan gäller.
            """)
    void fieldWhenInvalidThen400WithCodeLinkToFieldValueKeptAndNothingStored(String field, String value,
                                                                             String code, String message) {
        Reporter reporter = Reporter.newAt(port);
        String typed = expand(value);

        Page page = reporter.send(Reporter.validReport(clock, field, typed));

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text()).contains("Det finns ett problem", message, code);
        assertThat(page.body()).contains("href=\"#" + field + "\"", "id=\"" + field + "-error\"");
        if (!"typ".equals(field)) {
            assertThat(page.body()).as("the field points at its error and is marked invalid").containsPattern(
                    "<(input|select|textarea) id=\"" + field + "\"[^>]*aria-describedby=\"[^\"]*" + field
                            + "-error\"[^>]*aria-invalid=\"true\"");
        }
        if (!typed.isEmpty() && !"metod".equals(field) && !"typ".equals(field)) {
            assertThat(page.body()).contains(HtmlUtils.htmlEscape(typed));
        }
        assertThat(reporter.reportsStored(jdbc)).isZero();
    }

    @Test
    void timeWhenInTheFutureThen400WithItsCode() {
        Reporter reporter = Reporter.newAt(port);
        String tomorrow = LocalDateTime.ofInstant(clock.instant(), ZoneId.of("Europe/Stockholm")).plusDays(1)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));

        Page page = reporter.send(Reporter.validReport(clock, "tid", tomorrow));

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text()).contains("Tidpunkten kan inte ligga i framtiden.", "FEL-011");
        assertThat(page.body()).contains("value=\"" + tomorrow + "\"");
        assertThat(reporter.reportsStored(jdbc)).isZero();
    }

    @Test
    void groupWhenForsakringskassanPostedAnywayThen400BecauseTheyReportToHelpdesk() {
        Reporter reporter = Reporter.newAt(port);

        Page page = reporter.send(Reporter.validReport(clock, "grupp", "fk"));

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text()).contains("Välj var du arbetar.", "FEL-001");
        assertThat(reporter.reportsStored(jdbc)).isZero();
    }

    @Test
    void formWhenEverythingEmptyThenEachErrorInPageOrderAndOtherValuesKept() {
        Reporter reporter = Reporter.newAt(port);
        Map<String, String> form = Reporter.validReport(clock, "namn", "", "epost", "", "organisation", "",
                "metod", "", "tid", "", "beskrivning", "");

        Page page = reporter.send(form);

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text()).containsSubsequence("FEL-002", "FEL-003", "FEL-006", "FEL-007", "FEL-010", "FEL-012");
        assertThat(page.body()).contains("value=\"070-174 06 40\"", "value=\"SMS-003\"", "value=\"K7QM2XH9PD\"");
        assertThat(page.body()).doesNotContain("Gör en felanmälan</a>");
        assertThat(reporter.reportsStored(jdbc)).isZero();
    }

    @Test
    void errorsWhenEnglishChosenThenEnglishMessagesWithTheSameCodes() {
        Reporter reporter = Reporter.newAt(port);
        reporter.browser.get("/felanmalan?grupp=ovriga&lang=en");

        Map<String, String> form = Reporter.validReport(clock, "namn", "", "epost", "x");
        Page page = reporter.post(form);

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text()).contains("There is a problem", "Enter your name.", "FEL-002",
                "Enter an email address in the correct format, like name@kommun.se.", "FEL-004");
    }
}
