package se.susam.inloggning.bench.bankid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import se.susam.inloggning.bench.Latencies;

/** The collect benchmark's report; no timing is asserted here. */
class BankIdCollectBenchmarkTest {

    @Test
    void reportWhenFewerCollectsThanOrdersNeedThenShowsTheShareAndTheCpuPerCollect() {
        String report = BankIdCollectBenchmark.report(new BankIdCollectBenchmark.Measured(10_000, 30, 101_670, 90,
                3, 1.65, 0.26, 1.95, new Latencies.Summary(101_670, 2565.3, 11163.3, 19559.8)),
                Map.of("transport: no answer", 3L));

        assertThat(report).contains("10000 pending, each collected every 2 s: 5000 collects/s needed",
                "101670 in 30.0 s = 3389/s (68 % of those needed), 90 late by over a second, 3 failed",
                "machine 1.95 cores busy: client 1.65 (487 µs per collect), stub 0.26 (77 µs per collect)",
                "p50 2565.3 ms, p99 11163.3 ms", "3  transport: no answer");
    }
}
