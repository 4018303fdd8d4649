package se.susam.inloggning.bench;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.susam.inloggning.credentials.Argon2Parameters;
import se.susam.inloggning.credentials.Argon2idHasher;
import se.susam.inloggning.demo.BenchPopulation;

/**
 * The hash-bound limit of SMS login: how many Argon2id hashes the machine computes per second with
 * the product's own hasher and the run's parameters, one platform thread per core. Every SMS login
 * costs exactly one such hash (step 1), so no server can complete more logins per second. Measured
 * twice: in the server under test, on its own hashing threads ({@link #inServer}: {@code
 * /dev/bench/hash-rate}), the target's yardstick, and in this client's JVM ({@link #measure}). The
 * CPU of a hash drifts by a tenth from minute to minute on the same machine (README "Benchmark"),
 * so both are shown.
 */
final class HashRate {

    /** Longest single request to the server: {@link HttpConnection} waits 60 s for an answer. */
    private static final Duration SERVER_REQUEST = Duration.ofSeconds(30);

    private static final Pattern SERVER_RESULT = Pattern.compile(
            "\\{\"threads\":(\\d+),\"hashes\":(\\d+),\"seconds\":([0-9.Ee+-]+),");

    /**
     * The measured rate. {@code inServer}: measured by the server's hashing threads, so {@code cpu}'s
     * server share is theirs; otherwise by this client's threads.
     */
    record Result(Argon2Parameters parameters, int threads, long hashes, Duration elapsed, CpuMeter.Use cpu,
                  boolean inServer) {

        double perSecond() {
            return hashes / (elapsed.toNanos() / 1e9);
        }

        /** Milliseconds of CPU one hash took. */
        double cpuMillisPerHash() {
            return inServer ? cpu.serverMillisPerHash() : 1000 * cpu.clientCores() * cpu.seconds() / hashes;
        }

        /** Cores the hashing used: the server's hashing threads or this client. */
        double hashingCores() {
            return inServer ? cpu.serverHashCores() : cpu.clientCores();
        }

        /** Milliseconds one hash takes on one thread. */
        double millisPerHash() {
            return threads * elapsed.toNanos() / 1e6 / hashes;
        }
    }

    private HashRate() {
    }

    static Result measure(Argon2Parameters parameters, int threads, Duration warmup, Duration duration,
                          CpuMeter meter) throws InterruptedException {
        Argon2idHasher hasher = new Argon2idHasher(parameters);
        hashFor(hasher, threads, warmup);
        CpuMeter.Sample before = meter.sample();
        long start = System.nanoTime();
        long hashes = hashFor(hasher, threads, duration);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new Result(parameters, threads, hashes, elapsed, CpuMeter.between(before, meter.sample()), false);
    }

    /**
     * The rate of the server's own hashing threads, with nothing else running there: {@code warmup}
     * of hashing first, then {@code duration} measured. The server must run the {@code bench}
     * profile with {@code parameters}.
     */
    static Result inServer(URI server, Argon2Parameters parameters, Duration warmup, Duration duration,
                           CpuMeter meter) throws IOException {
        try (HttpConnection connection = new HttpConnection(server)) {
            for (Duration left = warmup; left.isPositive(); left = left.minus(SERVER_REQUEST)) {
                serverHashing(connection, left.compareTo(SERVER_REQUEST) < 0 ? left : SERVER_REQUEST);
            }
            CpuMeter.Sample before = meter.sample();
            Matcher result = serverHashing(connection, duration);
            CpuMeter.Use cpu = CpuMeter.between(before, meter.sample());
            return new Result(parameters, Integer.parseInt(result.group(1)), Long.parseLong(result.group(2)),
                    Duration.ofNanos(Math.round(Double.parseDouble(result.group(3)) * 1e9)), cpu, true);
        }
    }

    private static Matcher serverHashing(HttpConnection connection, Duration duration) throws IOException {
        HttpConnection.Response response = connection.exchange("GET",
                "/dev/bench/hash-rate?seconds=" + Math.max(1, duration.toSeconds()), List.of(), null);
        Matcher m = SERVER_RESULT.matcher(response.body());
        if (response.status() != 200 || !m.find()) {
            throw new IOException("The server did not measure its hash rate (HTTP " + response.status()
                    + "); is it running with the bench profile?");
        }
        return m;
    }

    /** Hashes on {@code threads} threads until {@code duration} has passed; each finishes its hash in hand. */
    private static long hashFor(Argon2idHasher hasher, int threads, Duration duration) throws InterruptedException {
        AtomicLong hashes = new AtomicLong();
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            workers.add(Thread.ofPlatform().name("argon2-" + i).start(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                long end = System.nanoTime() + duration.toNanos();
                while (System.nanoTime() < end) {
                    hasher.hash(BenchPopulation.MASTER_PASSWORD);
                    hashes.incrementAndGet();
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return hashes.get();
    }
}
