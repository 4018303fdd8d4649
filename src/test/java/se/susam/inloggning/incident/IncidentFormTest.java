package se.susam.inloggning.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import se.susam.inloggning.errors.ErrorCode;

/** What the form accepts and how it stores it; the HTTP tests cover what the user sees. */
class IncidentFormTest {

    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final Instant NOW = Instant.parse("2026-03-04T08:30:00Z");

    private static IncidentForm form(String phone, String reference, String time) {
        return new IncidentForm("af", "fel", " Maja Testsson ", "maja@kommun.se", phone, "Testkommunen", "sms",
                "sms-003", reference, time, "Det går inte.");
    }

    private static IncidentReport valid(IncidentForm form) {
        FormCheck check = form.check(NOW, STOCKHOLM, "Mozilla/5.0");
        assertThat(check).isInstanceOf(FormCheck.Valid.class);
        return ((FormCheck.Valid) check).report();
    }

    @ParameterizedTest
    @CsvSource({"2026-03-04 09:15", "2026-03-04T09:15", "2026-03-04 09:15:00", " 2026-03-04 09:15 "})
    void timeWhenTypedWithSpaceOrTAndOptionalSecondsThenReadAsSwedishTime(String typed) {
        assertThat(valid(form("", "", typed)).occurredAt()).isEqualTo(Instant.parse("2026-03-04T08:15:00Z"));
    }

    @Test
    void timeWhenAFewMinutesAheadThenAcceptedAsAClockSlightlyFast() {
        assertThat(valid(form("", "", "2026-03-04 09:34")).occurredAt()).isAfter(NOW);
    }

    @Test
    void timeWhenMoreThanFiveMinutesAheadThenInTheFuture() {
        FormCheck check = form("", "", "2026-03-04 09:36").check(NOW, STOCKHOLM, null);

        assertThat(((FormCheck.Invalid) check).problems()).singleElement()
                .satisfies(p -> assertThat(p.code()).isEqualTo(ErrorCode.FEL_TIME_FUTURE));
    }

    @ParameterizedTest
    @CsvSource({"070-174 06 40, +46701740640", "+46 70 174 06 40, +46701740640", "08-123 456 78, +46812345678",
            "010-123 45 67, +46101234567"})
    void phoneWhenMobileOrLandlineThenStoredAsE164(String typed, String e164) {
        assertThat(valid(form(typed, "", "2026-03-04 09:15")).phone()).isEqualTo(e164);
    }

    @Test
    void codeAndReferenceWhenTypedInLowerCaseWithSpacesThenStoredAsShown() {
        IncidentReport report = valid(form("", "k7qm 2xh9-pd", "2026-03-04 09:15"));

        assertThat(report.errorCode()).isEqualTo("SMS-003");
        assertThat(report.reference()).isEqualTo("K7QM2XH9PD");
        assertThat(report.name()).isEqualTo("Maja Testsson");
        assertThat(report.method()).isEqualTo(ReportedMethod.SMS);
    }

    @Test
    void browserWhenUserAgentLongerThanTheColumnThenShortened() {
        FormCheck check = form("", "", "2026-03-04 09:15").check(NOW, STOCKHOLM, "x".repeat(2000));

        assertThat(((FormCheck.Valid) check).report().browser()).hasSize(IncidentForm.BROWSER_MAX);
    }

    @Test
    void prefillWhenQueryValueLongerThanAnyCodeThenLeftOut() {
        IncidentForm prefilled = IncidentForm.prefilled(ReporterGroup.AF, ReportKind.LOGIN, Optional.empty(),
                "X".repeat(41), "k7qm2xh9pd", LocalDateTime.of(2026, 3, 4, 9, 15, 42));

        assertThat(prefilled.errorCode()).isEmpty();
        assertThat(prefilled.reference()).isEqualTo("K7QM2XH9PD");
        assertThat(prefilled.occurredAt()).isEqualTo("2026-03-04 09:15");
    }

    @Test
    void ticketNumberWhenFormattedThenYearAndSixDigitsAndParsesBack() {
        TicketNumber number = new TicketNumber(2026, 123);

        assertThat(number).hasToString("FA-2026-000123");
        assertThat(TicketNumber.parse("FA-2026-000123")).contains(number);
        assertThat(TicketNumber.parse("FA-2026-1234567")).contains(new TicketNumber(2026, 1_234_567));
        assertThat(TicketNumber.parse("FA-26-000123")).isEmpty();
        assertThat(TicketNumber.parse(null)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86 | Microsoft Edge 131, Windows
            Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 | Chrome 131, Windows
            Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0 | Firefox 133, Linux
            Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1 | Safari 18, iOS
            Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Safari/605.1.15 | Safari 17, macOS
            Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36 | Chrome 131, Android
            """)
    void browserWhenKnownThenNamedWithVersionAndSystem(String userAgent, String expected) {
        assertThat(BrowserDescription.of(userAgent)).contains(expected);
    }

    @Test
    void browserWhenUnknownThenNotNamed() {
        assertThat(BrowserDescription.of("Java-http-client/25")).isEmpty();
        assertThat(BrowserDescription.of(null)).isEmpty();
    }
}
