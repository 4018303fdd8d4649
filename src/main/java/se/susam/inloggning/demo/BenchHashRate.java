package se.susam.inloggning.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.susam.inloggning.credentials.MasterPasswords;
import se.susam.inloggning.errors.ErrorCode;
import se.susam.inloggning.errors.SusException;

/**
 * The hash-bound limit of SMS login, measured inside the server under test (profile {@code bench}
 * only): {@code GET /dev/bench/hash-rate?seconds=20} keeps the server's own hashing threads
 * ({@link MasterPasswords}) busy with nothing but master-password hashes of this run's Argon2id
 * parameters for that long, and answers how many they computed. The load benchmark calls it just
 * before its logins, so logins/s and hashes/s come from the same process and the same threads
 * (README "Benchmark"). The CPU the hashes took is on the server's metrics ({@code
 * sus.credentials.hashing.cpu}). A second request waits for the first to end: two at once would
 * share the threads and measure nothing.
 */
@RestController
@Profile("bench")
class BenchHashRate {

    static final int MAX_SECONDS = 600;

    /** One measurement: the hashing threads, the hashes they finished and the time it took. */
    record Result(int threads, long hashes, double seconds, double hashesPerSecond) {
    }

    private final MasterPasswords masterPasswords;
    private final ReentrantLock running = new ReentrantLock();

    BenchHashRate(MasterPasswords masterPasswords) {
        this.masterPasswords = masterPasswords;
    }

    @GetMapping(path = "/dev/bench/hash-rate", produces = MediaType.APPLICATION_JSON_VALUE)
    Result measure(@RequestParam(defaultValue = "20") int seconds) throws InterruptedException {
        if (seconds < 1 || seconds > MAX_SECONDS) {
            throw new SusException(ErrorCode.GEN_BAD_REQUEST);
        }
        running.lockInterruptibly();
        try {
            return hashFor(Duration.ofSeconds(seconds));
        } finally {
            running.unlock();
        }
    }

    /**
     * Twice as many callers as hashing threads, so a thread always finds the next hash queued; each
     * caller finishes the hash in hand after the time is up.
     */
    private Result hashFor(Duration duration) throws InterruptedException {
        int threads = masterPasswords.hashingThreads();
        AtomicLong hashes = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < 2 * threads; i++) {
            callers.add(Thread.ofVirtual().start(() -> {
                while (System.nanoTime() < end) {
                    masterPasswords.hash(BenchPopulation.MASTER_PASSWORD);
                    hashes.incrementAndGet();
                }
            }));
        }
        for (Thread caller : callers) {
            caller.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(threads, hashes.get(), seconds, hashes.get() / seconds);
    }
}
