package se.susam.inloggning.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;

import se.susam.inloggning.credentials.Argon2Parameters;
import se.susam.inloggning.credentials.Argon2idHasher;
import se.susam.inloggning.demo.BenchPopulation;

/**
 * The hash-bound limit of SMS login: how many Argon2id hashes the machine computes per second with
 * the product's own hasher and the run's parameters, one platform thread per core. Every SMS login
 * costs exactly one such hash (step 1), so no server can complete more logins per second.
 */
final class HashRate {

    /** The measured rate. */
    record Result(Argon2Parameters parameters, int threads, long hashes, Duration elapsed, CpuMeter.Use cpu) {

        double perSecond() {
            return hashes / (elapsed.toNanos() / 1e9);
        }

        /** Milliseconds of CPU one hash took. */
        double cpuMillisPerHash() {
            return 1000 * cpu.clientCores() * cpu.seconds() / hashes;
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
        return new Result(parameters, threads, hashes, elapsed, CpuMeter.between(before, meter.sample()));
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
