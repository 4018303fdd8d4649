package se.susam.inloggning.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.susam.inloggning.credentials.Argon2Parameters;
import se.susam.inloggning.testsupport.BenchDatabaseTest;

/** The benchmark's in-server hash rate against the product with the bench profile; no timing asserted. */
@BenchDatabaseTest
class HashRateTest {

    @LocalServerPort
    int port;

    @Test
    void inServerWhenBenchProfileThenCountsTheServersHashesAndTheirCpuFromItsMetrics() throws Exception {
        URI server = URI.create("http://127.0.0.1:" + port);

        HashRate.Result result = HashRate.inServer(server, Argon2Parameters.OWASP_MINIMUM, Duration.ofSeconds(1),
                Duration.ofSeconds(1), new CpuMeter(server));

        assertThat(result.inServer()).isTrue();
        assertThat(result.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(result.hashes()).isPositive();
        assertThat(result.elapsed()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        // The server's metrics counted the same hashes the endpoint did, and their CPU.
        assertThat(result.cpu().serverHashes()).isEqualTo(result.hashes());
        assertThat(result.cpuMillisPerHash()).isPositive();
        assertThat(result.hashingCores()).isPositive();
    }
}
