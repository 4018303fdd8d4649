package se.susam.inloggning.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.susam.inloggning.testsupport.DatabaseTest;
import se.susam.inloggning.testsupport.MutableClock;
import se.susam.inloggning.testsupport.WebClient;
import se.susam.inloggning.testsupport.WebClient.Page;

/**
 * A valid report becomes a numbered ticket, shown on a receipt only its sender can open; a client
 * address may send five reports an hour (the default of {@code sus.incident.reports-per-address}).
 */
@DatabaseTest
class IncidentReportFilingTest {

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static String numberIn(Page redirect) {
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.location()).containsPattern("/felanmalan/kvitto/FA-\\d{4}-\\d{6}$");
        return redirect.location().substring(redirect.location().lastIndexOf('/') + 1);
    }

    @Test
    void reportWhenValidThenRedirectedToReceiptShowingItsTicketNumber() {
        Reporter reporter = Reporter.newAt(port);

        String number = numberIn(reporter.send(Reporter.validReport(clock)));
        Page receipt = reporter.browser.get("/felanmalan/kvitto/" + number);

        assertThat(number).startsWith("FA-" + Year.from(clock.instant().atZone(java.time.ZoneId.of("Europe/Stockholm"))) + "-");
        assertThat(receipt.status()).isEqualTo(200);
        assertThat(receipt.text()).contains("Din felanmälan är skickad", "Ärendenummer", number,
                "SMS-inloggning", "SMS-003", "K7QM2XH9PD", "0771–17 90 00");
    }

    @Test
    void reportWhenFiledThenStoredWithEveryFieldTheBrowserAndTheSendersAddress() {
        Reporter reporter = Reporter.newAt(port);

        String number = numberIn(reporter.send(Reporter.validReport(clock, "ref", "k7qm 2xh9 pd")));

        Map<String, Object> row = jdbc.sql("SELECT * FROM incident_report WHERE ticket_number = :n")
                .param("n", number).query().singleRow();
        assertThat(row).containsEntry("reporter_group", "OVRIGA").containsEntry("kind", "LOGIN")
                .containsEntry("reporter_name", "Maja Testsson")
                .containsEntry("email", "maja.testsson@kommun.example.se")
                .containsEntry("phone_e164", "+46701740640").containsEntry("organisation", "Testkommunen")
                .containsEntry("login_method", "SMS").containsEntry("error_code", "SMS-003")
                .containsEntry("correlation_id", "K7QM2XH9PD")
                .containsEntry("user_agent", Reporter.CHROME_ON_WINDOWS)
                .containsEntry("client_address", reporter.address);
        assertThat(row.get("description")).isEqualTo("Jag får Fel personnummer eller lösenord fast lösenordet är rätt.");
    }

    @Test
    void reportWhenSentTwiceThenEachGetsItsOwnIncreasingNumber() {
        Reporter reporter = Reporter.newAt(port);

        String first = numberIn(reporter.send(Reporter.validReport(clock)));
        String second = numberIn(reporter.send(Reporter.validReport(clock)));

        assertThat(Long.parseLong(second.substring(8))).isGreaterThan(Long.parseLong(first.substring(8)));
    }

    @Test
    void descriptionWhenLineBreaksSentAsCrLfThenEachCountsAsOneCharacter() {
        Reporter reporter = Reporter.newAt(port);
        String description = "Rad\r\n".repeat(400);

        numberIn(reporter.send(Reporter.validReport(clock, "beskrivning", description)));

        assertThat(jdbc.sql("SELECT description FROM incident_report WHERE client_address = :a")
                .param("a", reporter.address).query(String.class).single()).hasSize(1599).doesNotContain("\r");
    }

    @Test
    void phoneWhenLeftEmptyThenReportFiledWithoutOne() {
        Reporter reporter = Reporter.newAt(port);

        numberIn(reporter.send(Reporter.validReport(clock, "telefon", "", "kod", "", "ref", "")));

        Map<String, Object> row = jdbc.sql("SELECT * FROM incident_report WHERE client_address = :a")
                .param("a", reporter.address).query().singleRow();
        assertThat(row.get("phone_e164")).isNull();
        assertThat(row.get("error_code")).isNull();
        assertThat(row.get("correlation_id")).isNull();
    }

    @Test
    void receiptWhenOpenedByAnotherVisitorThen404WithItsCodeAndNothingOfTheReport() {
        Reporter reporter = Reporter.newAt(port);
        String number = numberIn(reporter.send(Reporter.validReport(clock)));

        Page guess = new WebClient("http://localhost:" + port).get("/felanmalan/kvitto/" + number);

        assertThat(guess.status()).isEqualTo(404);
        assertThat(guess.text()).contains("Det finns inget kvitto att visa här.", "FEL-015")
                .doesNotContain("Maja Testsson").doesNotContain("SMS-003");
    }

    @Test
    void receiptWhenNumberMalformedThen404WithItsCode() {
        Page page = new WebClient("http://localhost:" + port).get("/felanmalan/kvitto/1%20OR%201=1");

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.text()).contains("FEL-015");
    }

    @Test
    void reportWhenPostedWithoutCsrfTokenThen403AndNothingStored() {
        Reporter reporter = Reporter.newAt(port);

        Page page = reporter.post(Reporter.validReport(clock));

        assertThat(page.status()).isEqualTo(403);
        assertThat(reporter.reportsStored(jdbc)).isZero();
    }

    @Test
    void reportWhenSixthFromOneAddressWithinAnHourThen429WithItsCodeTextKeptAndNothingStored() {
        Reporter reporter = Reporter.newAt(port);
        for (int i = 0; i < 5; i++) {
            numberIn(reporter.send(Reporter.validReport(clock)));
        }

        Page refused = reporter.send(Reporter.validReport(clock, "beskrivning", "Sjätte försöket"));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.text()).contains("Du har gjort för många felanmälningar på kort tid.", "FEL-014",
                "0771–17 90 00", "Sjätte försöket");
        assertThat(reporter.reportsStored(jdbc)).isEqualTo(5);
    }

    @Test
    void rateLimitWhenTenReportsFromOneAddressArriveAtOnceThenExactlyFiveAreStored() throws Exception {
        Reporter first = Reporter.newAt(port);
        List<Reporter> reporters = new ArrayList<>(List.of(first));
        for (int i = 1; i < 10; i++) {
            reporters.add(first.besideThis(port));
        }
        reporters.forEach(r -> r.browser.get("/felanmalan?grupp=ovriga"));
        CountDownLatch start = new CountDownLatch(1);
        List<Integer> statuses;
        try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
            List<Future<Integer>> sent = new ArrayList<>();
            for (Reporter reporter : reporters) {
                sent.add(pool.submit(() -> {
                    start.await();
                    return reporter.post(Reporter.validReport(clock)).status();
                }));
            }
            start.countDown();
            statuses = new ArrayList<>();
            for (Future<Integer> status : sent) {
                statuses.add(status.get(60, TimeUnit.SECONDS));
            }
        }

        assertThat(statuses).filteredOn(s -> s == 302).hasSize(5);
        assertThat(statuses).filteredOn(s -> s == 429).hasSize(5);
        assertThat(first.reportsStored(jdbc)).isEqualTo(5);
    }

    @Test
    void rateLimitWhenOneAddressIsRefusedThenAnotherAddressStillReports() {
        Reporter busy = Reporter.newAt(port);
        for (int i = 0; i < 5; i++) {
            numberIn(busy.send(Reporter.validReport(clock)));
        }

        Page other = Reporter.newAt(port).send(Reporter.validReport(clock));

        assertThat(busy.send(Reporter.validReport(clock)).status()).isEqualTo(429);
        numberIn(other);
    }

    @Test
    void rateLimitWhenAnHourHasPassedThenTheAddressMayReportAgain() {
        Reporter reporter = Reporter.newAt(port);
        for (int i = 0; i < 5; i++) {
            numberIn(reporter.send(Reporter.validReport(clock)));
        }

        clock.advance(Duration.ofMinutes(61));

        numberIn(reporter.send(Reporter.validReport(clock)));
        assertThat(reporter.reportsStored(jdbc)).isEqualTo(6);
    }
}
