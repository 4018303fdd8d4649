package se.susam.inloggning.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import se.susam.inloggning.demo.BenchPopulation;

/**
 * The SMS login load benchmark (README "Benchmark"; run by {@code bench/sms-login.sh}). Against a
 * server started with the {@code bench} profile it first measures the raw Argon2id hash rate of the
 * run's parameters on this machine, then drives complete SMS logins with many virtual users in
 * measured windows, measuring the raw rate again after each, and reports logins/s, latency and the
 * ratio of logins to the hashes the raw rates allowed in the same time. The target is at least
 * {@value #TARGET_PERCENT} %: the rest of a login must not cost more than a quarter of its hash. The
 * report also shows the CPU each process used, so a run that other processes disturbed says so.
 *
 * <p>A plain {@code main}, not a test: speed is measured here, never by a timed unit test.
 * Exits 1 if any login failed, 2 if the server does not log the first benchmark person in.
 */
public final class SmsLoginBenchmark {

    static final int TARGET_PERCENT = 80;

    /** Cores other processes may use before the report warns that they distorted the run. */
    static final double OTHER_LOAD_LIMIT = 0.1;

    /** Cores of JIT compiling in the measured window above which the warm-up was too short. */
    static final double JIT_LIMIT = 0.05;

    /** Load before each window after the first, unmeasured: every virtual user is in a login again. */
    static final Duration LEAD_IN = Duration.ofSeconds(5);

    /** Hashing before each raw rate measured after a window: the JIT compiled Argon2id long before. */
    static final Duration LATER_HASH_WARMUP = Duration.ofSeconds(3);

    private SmsLoginBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings;
        try {
            settings = BenchSettings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("sms-login benchmark: " + e.getMessage());
            System.exit(64);
            return;
        }
        try (SmsLoginScript first = new SmsLoginScript(settings.server())) {
            first.login(BenchPopulation.user(0), new long[SmsLoginScript.Step.values().length]);
        } catch (SmsLoginScript.StepFailed e) {
            System.err.println("The first benchmark person cannot log in at " + settings.server() + " ("
                    + e.getMessage()
                    + "). Is the server running with the bench profile and the same Argon2 parameters?");
            System.exit(2);
            return;
        }
        System.out.printf(Locale.ROOT, "Measuring raw Argon2id (m=%d, t=%d, p=%d), %d s warm-up and %d s measured:"
                + " in this client on %d threads…%n", settings.argon2().memoryKib(), settings.argon2().iterations(),
                settings.argon2().parallelism(), settings.hashWarmup().toSeconds(),
                settings.hashDuration().toSeconds(), settings.hashThreads());
        CpuMeter meter = new CpuMeter(settings.server());
        HashRate.Result clientHashes = HashRate.measure(settings.argon2(), settings.hashThreads(),
                settings.hashWarmup(), settings.hashDuration(), meter);
        System.out.println("… and in the server, on its own hashing threads…");
        List<HashRate.Result> serverHashes = new ArrayList<>();
        serverHashes.add(HashRate.inServer(settings.server(), settings.argon2(), settings.hashWarmup(),
                settings.hashDuration(), meter));
        List<LoadRun.Result> windows = new ArrayList<>();
        for (int round = 1; round <= settings.rounds(); round++) {
            Duration warmup = round == 1 ? settings.warmup() : LEAD_IN;
            System.out.printf(Locale.ROOT, "Driving SMS logins: %d virtual users, %d s warm-up, window %d of %d: %d s"
                            + " measured, then the server's raw rate again…%n", settings.concurrency(),
                    warmup.toSeconds(), round, settings.rounds(), settings.duration().toSeconds());
            windows.add(LoadRun.run(settings, warmup, meter));
            serverHashes.add(HashRate.inServer(settings.server(), settings.argon2(), LATER_HASH_WARMUP,
                    settings.hashDuration(), meter));
        }

        String report = report(settings, serverHashes, clientHashes, windows);
        Reports.printAndKeep(report, settings.report());
        boolean failed = windows.stream().anyMatch(w -> w.errorCount() > 0);
        boolean none = windows.stream().allMatch(w -> w.logins().count() == 0);
        System.exit(failed || none ? 1 : 0);
    }

    /**
     * The report. The target compares the logins with the hashes the server's own hashing threads
     * could have computed in the same time: each measured window at the mean of the server's raw
     * rates measured just before and just after it ({@code serverHashes} holds one more measurement
     * than there are {@code windows}), since the machine's speed drifts from minute to minute.
     * Beside it: the ratio to the hash-bound limit in the windows (the cores the raw measurements
     * hashed on, divided by the CPU a hash took in the server during the windows), which takes out
     * the drift but also what the rest of a login costs the hash itself; and the ratio to the client
     * JVM's raw rate.
     */
    static String report(BenchSettings settings, List<HashRate.Result> serverHashes, HashRate.Result clientHashes,
                         List<LoadRun.Result> windows) {
        if (serverHashes.size() != windows.size() + 1) {
            throw new IllegalArgumentException("need a raw hash rate before every window and after the last");
        }
        LoadRun.Result load = LoadRun.Result.combined(windows);
        double perLogin = 1000 * load.window().toNanos() / 1e9 / Math.max(1, load.logins().count());
        double serverMillis = load.cpu().serverCores() * perLogin;
        double clientMillis = load.cpu().clientCores() * perLogin;
        double otherCores = Math.max(clientHashes.cpu().otherCores(), load.cpu().otherCores());
        for (HashRate.Result raw : serverHashes) {
            otherCores = Math.max(otherCores, raw.cpu().otherCores() + raw.cpu().clientCores());
        }
        StringBuilder out = new StringBuilder();
        line(out, "SMS login load benchmark, %s",
                Instant.now().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
        line(out, "Machine      %s", machine());
        line(out, "JVM          %s (this client's; bench/sms-login.sh gives the server the same BENCH_JVM)", jvm());
        line(out, "Argon2id     m=%d KiB, t=%d, p=%d", settings.argon2().memoryKib(), settings.argon2().iterations(),
                settings.argon2().parallelism());
        line(out, "Server       %s, %d benchmark persons", settings.server(), settings.users());
        line(out, "Raw hashing  in the server, its hashing threads only, before the first window and after each:");
        for (int i = 0; i < serverHashes.size(); i++) {
            HashRate.Result raw = serverHashes.get(i);
            Duration warmup = i == 0 ? settings.hashWarmup() : LATER_HASH_WARMUP;
            line(out, "  %-10s %s; machine %.2f cores busy: server %.2f, other processes %.2f",
                    i == 0 ? "before 1" : "after " + i, rawHashing(raw, warmup), raw.cpu().machineCores(),
                    raw.cpu().serverCores(), raw.cpu().otherCores() + raw.cpu().clientCores());
        }
        line(out, "Raw hashing  in this client's JVM: %s", rawHashing(clientHashes, settings.hashWarmup()));
        line(out, "  CPU        machine %.2f cores busy: hashing %.2f, other processes %.2f",
                clientHashes.cpu().machineCores(), clientHashes.cpu().clientCores(), clientHashes.cpu().otherCores());
        line(out, "Load         %d virtual users; warm-up %d s, then %d windows of %d s measured, each after %d s of"
                        + " load (%d logins, %d errors before the windows)", settings.concurrency(),
                settings.warmup().toSeconds(), windows.size(), settings.duration().toSeconds(), LEAD_IN.toSeconds(),
                load.warmupLogins(), load.warmupErrors());
        double allowed = 0;
        for (int i = 0; i < windows.size(); i++) {
            LoadRun.Result window = windows.get(i);
            double rate = (serverHashes.get(i).perSecond() + serverHashes.get(i + 1).perSecond()) / 2;
            allowed += rate * window.window().toNanos() / 1e9;
            line(out, "  Window %-3d %d logins = %.1f logins/s = %.1f %% of %.1f hashes/s (the server's raw rates"
                            + " before and after: %.1f, %.1f)", i + 1, window.logins().count(),
                    window.loginsPerSecond(), 100 * window.loginsPerSecond() / rate, rate,
                    serverHashes.get(i).perSecond(), serverHashes.get(i + 1).perSecond());
        }
        line(out, "Logins       %d complete logins in %d s = %.1f logins/s, %d errors", load.logins().count(),
                load.window().toSeconds(), load.loginsPerSecond(), load.errorCount());
        line(out, "  CPU        machine %.2f cores busy: server %.2f (%.1f ms per login), client %.2f (%.1f ms per "
                        + "login), other processes %.2f", load.cpu().machineCores(), load.cpu().serverCores(),
                serverMillis, load.cpu().clientCores(), clientMillis, load.cpu().otherCores());
        double serverHashMillis = load.cpu().serverMillisPerHash();
        line(out, "  Hashing    in the server %.1f ms CPU per hash (%.0f hashes); outside the hash %.1f ms server CPU"
                        + " per login", serverHashMillis, load.cpu().serverHashes(),
                serverMillis - load.cpu().serverHashCores() * perLogin);
        line(out, "  JIT        the server's JIT compilers were busy %.2f cores of the measured windows%s",
                load.cpu().serverJitCores(), load.cpu().serverJitCores() > JIT_LIMIT ? " (warm-up too short)" : "");
        double ratio = load.logins().count() / allowed;
        line(out, "Ratio        logins ÷ the hashes the server's raw rates allowed in the windows = %.1f %% (target ≥"
                + " %d %%: %s)", 100 * ratio, TARGET_PERCENT, 100 * ratio >= TARGET_PERCENT ? "met" : "NOT met");
        double hashingCores = serverHashes.stream().mapToDouble(HashRate.Result::hashingCores).average().orElseThrow();
        double limit = hashingCores * 1000 / serverHashMillis;
        line(out, "             logins/s ÷ the hash-bound limit in the windows (%.2f cores at %.1f ms per hash: %.1f"
                + " hashes/s) = %.1f %%", hashingCores, serverHashMillis, limit, 100 * load.loginsPerSecond() / limit);
        line(out, "             logins/s ÷ this client's raw hashes/s, measured first = %.1f %%",
                100 * load.loginsPerSecond() / clientHashes.perSecond());
        line(out, "CPU ratio    CPU per hash in the windows ÷ CPU per login (server + client) = %.1f ÷ %.1f ms"
                        + " = %.1f %%", serverHashMillis, serverMillis + clientMillis,
                100 * serverHashMillis / (serverMillis + clientMillis));
        if (otherCores > OTHER_LOAD_LIMIT) {
            line(out, "WARNING      other processes used up to %.2f cores: the measured ratio depends on how the",
                    otherCores);
            line(out, "             system shared the cores out, and the CPU ratio is a rough guide only:");
            line(out, "             measure on an otherwise idle machine");
        }
        line(out, "");
        line(out, "%-34s %7s %9s %9s %9s", "Latency (ms)", "count", "p50", "p99", "max");
        latency(out, "complete login (all six requests)", load.logins());
        for (Map.Entry<SmsLoginScript.Step, Latencies> step : load.steps().entrySet()) {
            latency(out, "  " + step.getKey().label, step.getValue());
        }
        if (!load.errors().isEmpty()) {
            line(out, "");
            line(out, "Errors in the measured windows");
            load.errors().forEach((what, n) -> line(out, "  %6d  %s", n, what));
        }
        return out.toString();
    }

    private static String rawHashing(HashRate.Result hashes, Duration warmup) {
        return String.format(Locale.ROOT, "%d threads, %.1f s after %d s warm-up: %d hashes = %.1f hashes/s"
                + " (%.1f ms per hash, %.1f ms CPU)", hashes.threads(), hashes.elapsed().toNanos() / 1e9,
                warmup.toSeconds(), hashes.hashes(), hashes.perSecond(), hashes.millisPerHash(),
                hashes.cpuMillisPerHash());
    }

    private static void latency(StringBuilder out, String what, Latencies latencies) {
        Latencies.Summary s = latencies.summary();
        line(out, "%-34s %7d %9.1f %9.1f %9.1f", what, s.count(), s.p50Millis(), s.p99Millis(), s.maxMillis());
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    private static String machine() {
        return "%d cores, %s, %s %s, Java %s (%s)".formatted(Runtime.getRuntime().availableProcessors(), cpuModel(),
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("java.version"),
                System.getProperty("java.vendor"));
    }

    /** The collector and heap limit, which the raw hash rate and the server should share. */
    private static String jvm() {
        String collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).collect(Collectors.joining(" + "));
        return "%s, max heap %d MiB".formatted(collectors, Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst().orElse("unknown CPU");
        } catch (IOException | RuntimeException e) {
            return "unknown CPU";
        }
    }
}
