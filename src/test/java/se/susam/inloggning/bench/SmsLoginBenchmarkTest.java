package se.susam.inloggning.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import se.susam.inloggning.credentials.Argon2Parameters;

/** The report and settings of the benchmark; no timing is asserted here. */
class SmsLoginBenchmarkTest {

    private static final BenchSettings SETTINGS = BenchSettings.parse("users=200", "concurrency=32");

    @Test
    void reportWhenLoginsReachEightyPercentOfTheServersRawHashRateThenSaysTheTargetIsMet() {
        String report = reportAtTheTarget();

        assertThat(report).contains("  before 1   2 threads, 10.0 s after 30 s warm-up: 400 hashes = 40.0 hashes/s",
                "  after 1    2 threads, 10.0 s after 3 s warm-up: 400 hashes = 40.0 hashes/s", "32.0 logins/s",
                "logins ÷ the hashes the server's raw rates allowed in the windows = 80.0 % (target ≥ 80 %: met)",
                "logins/s ÷ the hash-bound limit in the windows (1.50 cores at 37.5 ms per hash: 40.0 hashes/s)"
                        + " = 80.0 %",
                "in this client's JVM: 2 threads, 10.0 s after 30 s warm-up: 500 hashes = 50.0 hashes/s",
                "logins/s ÷ this client's raw hashes/s, measured first = 64.0 %");
    }

    @Test
    void reportWhenTheMachineSlowsBetweenWindowsThenEachWindowIsComparedWithTheRawRatesAroundIt() {
        // The raw rate falls from 40 to 30 and rises to 50; the logins follow at 80 % of the mean around
        // each window (28/s, then 32/s), so the whole run is at 80 % although neither window is at 80 %
        // of the first raw rate alone.
        String report = report(List.of(400, 300, 500), load(1680, 60, Map.of()), load(1920, 60, Map.of()));

        assertThat(report).contains(
                "  Window 1   1680 logins = 28.0 logins/s = 80.0 % of 35.0 hashes/s (the server's raw rates before"
                        + " and after: 40.0, 30.0)",
                "  Window 2   1920 logins = 32.0 logins/s = 80.0 % of 40.0 hashes/s (the server's raw rates before"
                        + " and after: 30.0, 50.0)",
                "  after 2    2 threads, 10.0 s after 3 s warm-up: 500 hashes = 50.0 hashes/s",
                "3600 complete logins in 120 s = 30.0 logins/s, 0 errors",
                "in the windows = 80.0 % (target ≥ 80 %: met)");
    }

    @Test
    void reportWhenWindowsDifferInLengthThenTheTargetWeighsEachByItsLength() {
        // 30 s at 20 logins/s against 40 hashes/s, then 90 s at 40 logins/s against 40 hashes/s:
        // 600 + 3600 logins where the raw rates allowed 1200 + 3600 hashes.
        String report = report(List.of(400, 400, 400), load(600, 30, Map.of()), load(3600, 90, Map.of()));

        assertThat(report).contains("4200 complete logins in 120 s = 35.0 logins/s",
                "in the windows = 87.5 % (target ≥ 80 %: met)");
    }

    @Test
    void reportWhenRawRatesDoNotSurroundEveryWindowThenRefused() {
        assertThatThrownBy(() -> report(List.of(400), load(100, 60, Map.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("after the last");
    }

    @Test
    void reportWhenCpuMeasuredThenShowsEachProcessesShareAndCpuPerLogin() {
        String report = reportAtTheTarget();

        assertThat(report).contains("server 1.50 (46.9 ms per login), client 0.30 (9.4 ms per login), "
                + "other processes 0.05", "= 40.0 hashes/s (50.0 ms per hash, 37.5 ms CPU)",
                "machine 2.00 cores busy: server 1.95, other processes 0.05",
                "= 50.0 hashes/s (40.0 ms per hash, 40.0 ms CPU)",
                "CPU per hash in the windows ÷ CPU per login (server + client) = 37.5 ÷ 56.3 ms = 66.7 %",
                "JIT compilers were busy 0.01 cores of the measured windows\n",
                "in the server 37.5 ms CPU per hash (1920 hashes); outside the hash 9.4 ms server CPU per login")
                .doesNotContain("WARNING");
    }

    @Test
    void reportWhenOtherProcessesTookCpuThenWarnsThatTheMeasuredRatioIsDistorted() {
        HashRate.Result contended = new HashRate.Result(Argon2Parameters.OWASP_MINIMUM, 2, 200,
                Duration.ofSeconds(10), new CpuMeter.Use(10, 0, 1, 2, 0, Double.NaN, Double.NaN), false);

        String report = SmsLoginBenchmark.report(SETTINGS, List.of(serverHashRate(400, 10), serverHashRate(400, 10)),
                contended, List.of(load(1920, 60, Map.of())));

        assertThat(report).contains("WARNING      other processes used up to 1.00 cores");
    }

    @Test
    void reportWhenLoginsStayBelowEightyPercentThenSaysTheTargetIsNotMetAndListsErrors() {
        String report = report(List.of(400, 400), load(1200, 60, Map.of("POST /login/sms: HTTP 429 SMS-013", 3)));

        assertThat(report).contains("20.0 logins/s, 3 errors", "in the windows = 50.0 % (target ≥ 80 %: NOT met)",
                "3  POST /login/sms: HTTP 429 SMS-013");
    }

    @Test
    void reportWhenLatenciesRecordedThenShowsP50AndP99OfTheCompleteLoginAndEachRequest() {
        String report = report(List.of(400, 400), load(100, 60, Map.of()));

        assertThat(report).containsPattern("complete login \\(all six requests\\) +100 +50\\.0 +99\\.0 +100\\.0")
                .contains("POST /login/sms/kod", "GET  /dev/sms/outbox.json?to=");
    }

    @Test
    void settingsWhenNotGivenThenDefaultsOfTheReadme() {
        BenchSettings settings = BenchSettings.parse();

        assertThat(settings.argon2()).isEqualTo(Argon2Parameters.OWASP_MINIMUM);
        assertThat(settings.users()).isEqualTo(1000);
        assertThat(settings.concurrency()).isEqualTo(32);
        assertThat(settings.duration()).isEqualTo(Duration.ofSeconds(20));
        assertThat(settings.rounds()).isEqualTo(6);
        assertThat(settings.hashDuration()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void settingsWhenMoreVirtualUsersThanPersonsThenRefused() {
        assertThatThrownBy(() -> BenchSettings.parse("users=10", "concurrency=11"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("concurrency ≤ users");
    }

    @Test
    void settingsWhenNoWindowThenRefused() {
        assertThatThrownBy(() -> BenchSettings.parse("rounds=0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rounds ≥ 1");
    }

    @Test
    void settingsWhenUnknownArgumentThenRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> BenchSettings.parse("userz=10"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("userz").hasMessageContaining("users");
    }

    /** 32 logins/s against a server that hashed 40/s and a client that hashed 50/s. */
    private static String reportAtTheTarget() {
        return report(List.of(400, 400), load(1920, 60, Map.of()));
    }

    /**
     * The report of {@code windows}, with the server's raw rates around them measured as so many
     * hashes in 10 s each, and 500 hashes in 10 s in this client.
     */
    private static String report(List<Integer> serverHashes, LoadRun.Result... windows) {
        return SmsLoginBenchmark.report(SETTINGS, serverHashes.stream().map(n -> serverHashRate(n, 10)).toList(),
                hashRate(500, 10), List.of(windows));
    }

    /** Measured in this client: its two threads busy. */
    private static HashRate.Result hashRate(long hashes, int seconds) {
        return new HashRate.Result(Argon2Parameters.OWASP_MINIMUM, 2, hashes, Duration.ofSeconds(seconds),
                new CpuMeter.Use(seconds, 0, 2, 2, 0, Double.NaN, Double.NaN), false);
    }

    /** Measured in the server: its hashing threads 1.5 of its 1.95 cores. */
    private static HashRate.Result serverHashRate(long hashes, int seconds) {
        return new HashRate.Result(Argon2Parameters.OWASP_MINIMUM, 2, hashes, Duration.ofSeconds(seconds),
                new CpuMeter.Use(seconds, 1.95, 0, 2, 0, 1.5, hashes), true);
    }

    /** {@code count} logins taking 1, 2, … ms, each request taking the same. */
    private static LoadRun.Result load(int count, int seconds, Map<String, Integer> errors) {
        Latencies logins = new Latencies();
        Map<SmsLoginScript.Step, Latencies> steps = new EnumMap<>(SmsLoginScript.Step.class);
        for (SmsLoginScript.Step step : SmsLoginScript.Step.values()) {
            steps.put(step, new Latencies());
        }
        for (int i = 1; i <= count; i++) {
            logins.record(i * 1_000_000L);
            for (Latencies step : steps.values()) {
                step.record(i * 1_000_000L);
            }
        }
        return new LoadRun.Result(Duration.ofSeconds(seconds), logins, steps, new TreeMap<>(errors), 0, 0,
                new CpuMeter.Use(seconds, 1.5, 0.3, 1.85, 0.01, 1.2, 1920));
    }
}
