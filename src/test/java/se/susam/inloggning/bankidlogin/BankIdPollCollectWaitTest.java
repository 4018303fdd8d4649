package se.susam.inloggning.bankidlogin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import se.susam.inloggning.testsupport.DatabaseTest;
import se.susam.inloggning.testsupport.WebClient;

/**
 * A status poll never waits for BankID longer than {@code sus.bankid.poll-collect-wait}: when
 * BankID answers {@code /collect} slowly, the poll that started the collect answers from what the
 * node knew, and a later poll tells the collect's answer; the polls in between start no second
 * collect.
 */
@DatabaseTest
@TestPropertySource(properties = "sus.bankid.poll-collect-wait=100ms")
class BankIdPollCollectWaitTest extends BankIdTestBase {

    private static final int SLOW_MILLIS = 1500;

    @Test
    void statusWhenBankIdAnswersSlowlyThenThePollAnswersPendingAtOnceAndALaterPollTheAnswer() throws Exception {
        WebClient browser = bankId.browser();
        String poll = BankIdTester.pollUrl(bankId.startOnOtherDevice(browser));
        String qr = bankId.scanQr(browser);
        bankId.inApp(bankId.openInApp(qr, registry.smsUser("Kaxe4Rpt").person().personnummer().value()), "identify");
        String orderRef = jdbc.sql("SELECT order_ref FROM bankid_login WHERE qr_start_token = :t")
                .param("t", qr.split("\\.")[1]).query(String.class).single();
        int collectsBefore = bankId.collectCalls(orderRef);
        bankId.setScenarios(false, 0, SLOW_MILLIS);
        clock.advance(Duration.ofSeconds(2));

        long start = System.nanoTime();
        WebClient.Page first = browser.get(poll);
        long firstMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(first.body()).contains("\"state\":\"pending\"");
        assertThat(firstMillis).as("the first poll's time").isLessThan(SLOW_MILLIS);

        String answer = first.body();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!answer.contains("\"state\":\"complete\"") && System.nanoTime() < deadline) {
            Thread.sleep(100);
            answer = browser.get(poll).body();
        }
        assertThat(answer).contains("\"state\":\"complete\"", "\"next\":\"/login/bankid/vantar\"");
        bankId.setScenarios(false, 0, 0);
        assertThat(bankId.collectCalls(orderRef)).isEqualTo(collectsBefore + 1);
    }
}
