package se.susam.inloggning.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;

import org.assertj.core.data.Offset;

import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import se.susam.inloggning.testsupport.BenchDatabaseTest;
import se.susam.inloggning.testsupport.WebClient;

@BenchDatabaseTest
class BenchHashRateTest {

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void hashRateWhenAskedThenHashesOnTheServersOwnThreadsForThatLongAndCountsEveryHash() {
        double before = hashes();

        WebClient.Page page = client().get("/dev/bench/hash-rate?seconds=1");

        assertThat(page.status()).isEqualTo(200);
        JsonNode result = json.readTree(page.body());
        assertThat(result.get("threads").asInt()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(result.get("hashes").asLong()).isPositive();
        assertThat(result.get("seconds").asDouble()).isBetween(1.0, 10.0);
        assertThat(result.get("hashesPerSecond").asDouble())
                .isCloseTo(result.get("hashes").asLong() / result.get("seconds").asDouble(),
                        Offset.offset(0.01));
        assertThat(hashes() - before).isEqualTo(result.get("hashes").asDouble());
    }

    @Test
    void hashRateWhenTwoAskAtOnceThenTheSecondMeasuresAfterTheFirst() {
        long start = System.nanoTime();
        CompletableFuture<WebClient.Page> first = CompletableFuture.supplyAsync(
                () -> client().get("/dev/bench/hash-rate?seconds=2"));
        CompletableFuture<WebClient.Page> second = CompletableFuture.supplyAsync(
                () -> client().get("/dev/bench/hash-rate?seconds=2"));

        assertThat(first.join().status()).isEqualTo(200);
        assertThat(second.join().status()).isEqualTo(200);
        // One after the other, each with the threads to itself: 2 s and then 2 s, not both in the same 2 s.
        assertThat((System.nanoTime() - start) / 1e9).isGreaterThanOrEqualTo(4.0);
    }

    @Test
    void hashRateWhenSecondsOutOfRangeOrNotANumberThenBadRequestWithCode() {
        for (String seconds : new String[] {"0", "-5", "601", "abc"}) {
            WebClient.Page page = client().get("/dev/bench/hash-rate?seconds=" + seconds);

            assertThat(page.status()).as(seconds).isEqualTo(400);
            assertThat(page.text()).as(seconds).contains("GEN-005");
        }
    }

    private WebClient client() {
        return new WebClient("http://localhost:" + port);
    }

    private double hashes() {
        return meters.get("sus.credentials.hashes").counter().count();
    }
}
