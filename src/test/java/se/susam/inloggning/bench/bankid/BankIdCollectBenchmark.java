package se.susam.inloggning.bench.bankid;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import se.susam.inloggning.bankid.HttpRpApiClient;
import se.susam.inloggning.bankid.RpApiException;
import se.susam.inloggning.bankid.RpApiSettings;
import se.susam.inloggning.bench.CpuMeter;
import se.susam.inloggning.bench.Latencies;
import se.susam.inloggning.bench.Reports;

/**
 * How many {@code /collect} calls a second the product's RP API client ({@link HttpRpApiClient}:
 * the JDK's {@code HttpClient}, as the stack prescribes) makes on this machine, and what each costs
 * (README "Benchmark: BankID polling"). N pending orders are each collected every 2 s, as BankID asks
 * and as the product does whoever polls; the BankID polling target (10,000 pending logins) thus needs
 * 5,000 collects a second. BankID is {@link BankIdStub} in another JVM ({@code stub} mode, started by
 * {@code bench/bankid-collect.sh}), so this process's CPU is the client's alone and the stub's is read
 * from {@code /proc}. Nothing else runs: no server, no browsers, no polls; a node doing this much
 * cannot do more.
 *
 * <p>A plain {@code main}, not a test. Exits 1 if any collect failed.
 */
public final class BankIdCollectBenchmark {

    private static final Duration EVERY = Duration.ofSeconds(2);

    private BankIdCollectBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> settings = new HashMap<>(Map.of("orders", "10000", "warmup", "15", "duration", "30",
                "stub-url", "http://127.0.0.1:18193/rp/v6.0/"));
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            settings.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        if (settings.containsKey("stub")) {
            try (BankIdStub stub = new BankIdStub(Integer.parseInt(settings.get("stub")))) {
                System.out.println("BankID stub on port " + stub.port());
                Thread.sleep(Long.MAX_VALUE);
            }
            return;
        }
        int orders = Integer.parseInt(settings.get("orders"));
        Duration warmup = Duration.ofSeconds(Long.parseLong(settings.get("warmup")));
        Duration duration = Duration.ofSeconds(Long.parseLong(settings.get("duration")));
        long stubPid = Long.parseLong(settings.getOrDefault("stub-pid", "-1"));
        HttpRpApiClient client = new HttpRpApiClient(new RpApiSettings(URI.create(settings.get("stub-url")), null,
                Duration.ofSeconds(10), Duration.ofSeconds(30), 1, Duration.ofMillis(100)));

        Run run = new Run(client, orders);
        System.out.printf(Locale.ROOT, "%d orders, each collected every %d s: %d s warm-up, %d s measured…%n",
                orders, EVERY.toSeconds(), warmup.toSeconds(), duration.toSeconds());
        run.start();
        Thread.sleep(warmup);
        Snapshot before = Snapshot.take(stubPid);
        run.measuring = true;
        Thread.sleep(duration);
        run.measuring = false;
        Snapshot after = Snapshot.take(stubPid);
        String report = report(orders, run, before, after);
        Reports.printAndKeep(report, Optional.ofNullable(settings.get("report")).map(Path::of));
        System.exit(run.failures.get() == 0 ? 0 : 1);
    }

    /** One virtual thread per order, collecting it every 2 s from a random start within the first 2 s. */
    private static final class Run {
        final HttpRpApiClient client;
        final int orders;
        final Latencies latencies = new Latencies();
        final AtomicLong collects = new AtomicLong();
        final AtomicLong late = new AtomicLong();
        final AtomicLong failures = new AtomicLong();
        final Map<String, Long> failureKinds = new ConcurrentHashMap<>();
        volatile boolean measuring;

        Run(HttpRpApiClient client, int orders) {
            this.client = client;
            this.orders = orders;
        }

        void start() {
            for (int i = 0; i < orders; i++) {
                String orderRef = UUID.randomUUID().toString();
                Thread.ofVirtual().start(() -> collectForever(orderRef));
            }
        }

        private void collectForever(String orderRef) {
            try {
                long next = System.nanoTime() + ThreadLocalRandom.current().nextLong(EVERY.toNanos());
                while (true) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(Duration.ofNanos(wait));
                    } else if (measuring && -wait > EVERY.toNanos() / 2) {
                        late.incrementAndGet();
                    }
                    long start = System.nanoTime();
                    try {
                        client.collect(orderRef);
                        if (measuring) {
                            collects.incrementAndGet();
                            synchronized (latencies) {
                                latencies.record(System.nanoTime() - start);
                            }
                        }
                    } catch (RpApiException e) {
                        if (measuring) {
                            failures.incrementAndGet();
                            failureKinds.merge(e.getMessage(), 1L, Long::sum);
                        }
                    }
                    next += EVERY.toNanos();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** This process's CPU, the stub's, and the machine's, at one moment. */
    private record Snapshot(long wallNanos, double ownCpuNanos, long stubTicks, long machineBusy, long machineTotal) {

        static Snapshot take(long stubPid) {
            long[] machine = CpuMeter.machine();
            return new Snapshot(System.nanoTime(), CpuMeter.clientCpuNanos(), stubTicks(stubPid), machine[0],
                    machine[1]);
        }

        /** utime + stime of the stub's process in clock ticks (100 a second on Linux), or -1. */
        private static long stubTicks(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(f[11]) + Long.parseLong(f[12]);
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }
    }

    private static String report(int orders, Run run, Snapshot before, Snapshot after) {
        double seconds = (after.wallNanos() - before.wallNanos()) / 1e9;
        double stubCores = before.stubTicks() < 0 || after.stubTicks() < 0 ? Double.NaN
                : (after.stubTicks() - before.stubTicks()) / 100.0 / seconds;
        double machineCores = CpuMeter.machineCores(before.machineBusy(), before.machineTotal(), after.machineBusy(),
                after.machineTotal());
        Latencies.Summary latency;
        synchronized (run.latencies) {
            latency = run.latencies.summary();
        }
        return report(new Measured(orders, seconds, run.collects.get(), run.late.get(), run.failures.get(),
                (after.ownCpuNanos() - before.ownCpuNanos()) / 1e9 / seconds, stubCores, machineCores, latency),
                run.failureKinds);
    }

    /** What one run measured: cores are CPU seconds per second of the measured window. */
    record Measured(int orders, double seconds, long collects, long late, long failures, double clientCores,
                    double stubCores, double machineCores, Latencies.Summary latency) {
    }

    static String report(Measured m, Map<String, Long> failureKinds) {
        double perSecond = m.collects() / m.seconds();
        double needed = m.orders() / (double) EVERY.toSeconds();
        List<String> lines = new ArrayList<>();
        lines.add("BankID /collect rate of the product's RP API client, "
                + Instant.now().truncatedTo(ChronoUnit.SECONDS));
        lines.add(String.format(Locale.ROOT, "Machine      %d cores, Java %s", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version")));
        lines.add(String.format(Locale.ROOT, "Orders       %d pending, each collected every %d s: %.0f collects/s needed",
                m.orders(), EVERY.toSeconds(), needed));
        lines.add(String.format(Locale.ROOT, "Collects     %d in %.1f s = %.0f/s (%.0f %% of those needed), %d late by over"
                + " a second, %d failed", m.collects(), m.seconds(), perSecond, 100 * perSecond / needed, m.late(),
                m.failures()));
        lines.add(String.format(Locale.ROOT, "CPU          machine %.2f cores busy: client %.2f (%.0f µs per collect),"
                + " stub %.2f (%.0f µs per collect)", m.machineCores(), m.clientCores(),
                1e6 * m.clientCores() / perSecond, m.stubCores(), 1e6 * m.stubCores() / perSecond));
        lines.add(String.format(Locale.ROOT, "Latency      p50 %.1f ms, p99 %.1f ms, max %.1f ms", m.latency().p50Millis(),
                m.latency().p99Millis(), m.latency().maxMillis()));
        failureKinds.forEach((kind, n) -> lines.add(String.format(Locale.ROOT, "  %6d  %s", n, kind)));
        return String.join("\n", lines) + "\n";
    }
}
