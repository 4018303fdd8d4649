package se.susam.inloggning.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.susam.inloggning.demo.BenchPopulation;
import se.susam.inloggning.testsupport.BenchDatabaseTest;

/** The benchmark's login script against the product with the bench profile, so it cannot rot. */
@BenchDatabaseTest
class SmsLoginScriptTest {

    @LocalServerPort
    int port;

    private SmsLoginScript script() {
        return new SmsLoginScript(URI.create("http://127.0.0.1:" + port));
    }

    @Test
    void loginWhenBenchPersonThenCompletesBothStepsIntoSusAndTimesEveryRequest() throws Exception {
        long[] stepNanos = new long[SmsLoginScript.Step.values().length];

        try (SmsLoginScript script = script()) {
            script.login(BenchPopulation.user(0), stepNanos);
        }

        assertThat(Arrays.stream(stepNanos)).allMatch(nanos -> nanos > 0);
    }

    @Test
    void loginWhenMoreOftenThanTheProductsHourlyCodeCapThenEveryLoginCompletes() throws Exception {
        try (SmsLoginScript script = script()) {
            for (int i = 0; i < 6; i++) {
                script.login(BenchPopulation.user(2), new long[SmsLoginScript.Step.values().length]);
            }
        }
    }

    @Test
    void loginWhenPersonWasNotSeededThenFailsAtThePasswordStepNamingTheErrorCode() {
        SmsLoginScript script = script();
        assertThatThrownBy(() -> script.login(BenchPopulation.user(3), new long[SmsLoginScript.Step.values().length]))
                .isInstanceOfSatisfying(SmsLoginScript.StepFailed.class, failed -> {
                    assertThat(failed.step).isEqualTo(SmsLoginScript.Step.PASSWORD_SUBMIT);
                    assertThat(failed.getMessage()).contains("HTTP 401", "SMS-003");
                });
        script.close();
    }
}
