package se.susam.inloggning.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the machine's CPU went during a phase: the server (its {@code process_cpu_time_ns_total}
 * on {@code /actuator/prometheus}), this client process, and the whole machine ({@code /proc/stat}),
 * so a report shows how much other processes took from the same cores. Any source that cannot be
 * read gives NaN.
 */
public final class CpuMeter {

    private static final Pattern SERVER_CPU = prometheusLine("process_cpu_time_ns_total");
    private static final Pattern SERVER_JIT = prometheusLine("jvm_compilation_time_ms_total");
    private static final Pattern SERVER_HASH_CPU = prometheusLine("sus_credentials_hashing_cpu_seconds_total");
    private static final Pattern SERVER_HASHES = prometheusLine("sus_credentials_hashes_total");

    /** Readings at one moment. */
    record Sample(long wallNanos, double serverCpuNanos, double serverJitMillis, double serverHashCpuSeconds,
                  double serverHashes, double clientCpuNanos, long machineBusy, long machineTotal) {
    }

    /**
     * CPU used between two samples, in cores (1.0 = one core busy all the time). {@code serverJitCores}
     * is the time the server's JIT compilers spent compiling: well above zero, the warm-up was too short.
     * {@code serverHashCores} is the part of {@code serverCores} its Argon2id threads used, for {@code
     * serverHashes} hashes (NaN from a server without those metrics).
     */
    record Use(double seconds, double serverCores, double clientCores, double machineCores, double serverJitCores,
               double serverHashCores, double serverHashes) {

        /** Milliseconds of CPU one Argon2id hash took in the server. */
        double serverMillisPerHash() {
            return 1000 * serverHashCores * seconds / serverHashes;
        }

        /** The use over several phases, as if they were one as long as all of them together. */
        static Use combined(List<Use> phases) {
            double seconds = phases.stream().mapToDouble(Use::seconds).sum();
            return new Use(seconds, weighted(phases, Use::serverCores, seconds),
                    weighted(phases, Use::clientCores, seconds), weighted(phases, Use::machineCores, seconds),
                    weighted(phases, Use::serverJitCores, seconds), weighted(phases, Use::serverHashCores, seconds),
                    phases.stream().mapToDouble(Use::serverHashes).sum());
        }

        private static double weighted(List<Use> phases, ToDoubleFunction<Use> cores, double seconds) {
            return phases.stream().mapToDouble(u -> cores.applyAsDouble(u) * u.seconds()).sum() / seconds;
        }

        /** What neither the server nor this client used. */
        double otherCores() {
            return machineCores - serverCores - clientCores;
        }
    }

    private final HttpConnection connection;

    CpuMeter(URI server) {
        this.connection = new HttpConnection(server);
    }

    synchronized Sample sample() {
        long[] machine = machine();
        String metrics = serverMetrics();
        return new Sample(System.nanoTime(), metric(SERVER_CPU, metrics), metric(SERVER_JIT, metrics),
                metric(SERVER_HASH_CPU, metrics), metric(SERVER_HASHES, metrics), clientCpuNanos(), machine[0],
                machine[1]);
    }

    static Use between(Sample from, Sample to) {
        double wall = to.wallNanos() - from.wallNanos();
        return new Use(wall / 1e9, (to.serverCpuNanos() - from.serverCpuNanos()) / wall,
                (to.clientCpuNanos() - from.clientCpuNanos()) / wall,
                machineCores(from.machineBusy(), from.machineTotal(), to.machineBusy(), to.machineTotal()),
                (to.serverJitMillis() - from.serverJitMillis()) * 1e6 / wall,
                (to.serverHashCpuSeconds() - from.serverHashCpuSeconds()) * 1e9 / wall,
                to.serverHashes() - from.serverHashes());
    }

    private String serverMetrics() {
        try {
            HttpConnection.Response response = connection.exchange("GET", "/actuator/prometheus", List.of(), null);
            return response.status() == 200 ? response.body() : "";
        } catch (IOException e) {
            connection.close();
            return "";
        }
    }

    /** The value on the line of metric {@code name} in Prometheus' text format, with or without labels. */
    private static Pattern prometheusLine(String name) {
        return Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*})?\\s+(\\S+)$");
    }

    private static double metric(Pattern pattern, String metrics) {
        Matcher m = pattern.matcher(metrics);
        try {
            return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** CPU time of this process in nanoseconds, NaN if the JVM cannot tell. */
    public static double clientCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return Double.NaN;
    }

    /**
     * Cores busy between two readings of {@link #machine} (busy and total jiffies), NaN if nothing
     * was counted.
     */
    public static double machineCores(long busyFrom, long totalFrom, long busyTo, long totalTo) {
        long total = totalTo - totalFrom;
        return total <= 0 ? Double.NaN
                : Runtime.getRuntime().availableProcessors() * (double) (busyTo - busyFrom) / total;
    }

    /** Busy and total jiffies of all cores from {@code /proc/stat} (Linux); zeros elsewhere. */
    public static long[] machine() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long[] v = Arrays.stream(cpu, 1, Math.min(cpu.length, 9)).mapToLong(Long::parseLong).toArray();
            long idle = v[3] + v[4];
            long total = Arrays.stream(v).sum();
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }
}
