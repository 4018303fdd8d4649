package se.susam.inloggning.bench;

import java.util.Arrays;

/** Durations of one kind, recorded by one virtual user, merged and summarised at the end. Not thread-safe. */
public final class Latencies {

    private long[] nanos = new long[1024];
    private int count;

    public void record(long durationNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = durationNanos;
    }

    int count() {
        return count;
    }

    void addAll(Latencies other) {
        for (int i = 0; i < other.count; i++) {
            record(other.nanos[i]);
        }
    }

    public Summary summary() {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return new Summary(count, percentile(sorted, 0.50), percentile(sorted, 0.99),
                count == 0 ? 0 : sorted[count - 1] / 1e6);
    }

    /** Nearest-rank percentile, in milliseconds. */
    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    /** Count and p50/p99/max in milliseconds. */
    public record Summary(int count, double p50Millis, double p99Millis, double maxMillis) {
    }
}
