package se.susam.inloggning.credentials;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Master passwords, stored only as Argon2id hashes. {@link #verify} always does one full hash
 * computation, against a dummy hash when the person has no master password, so an unknown
 * personnummer takes as long as a wrong password (SPEC §4).
 *
 * <p>The hashing runs on its own platform threads, one per core, and the request's (virtual) thread
 * waits for it. A virtual thread is never pre-empted: an Argon2id computation on a carrier holds it
 * for the whole hash, and under the load benchmark new requests queued behind them for tens of
 * seconds. Off the carriers the operating system shares the cores fairly, and at most one hash per
 * core is in memory at once, and each thread keeps its computation's memory for the next.
 *
 * <p>Metrics: {@code sus.credentials.hashes} counts the computations and {@code
 * sus.credentials.hashing.cpu} is the CPU time the hashing threads used, so the CPU a login spends
 * outside its hash can be told apart (the SMS login benchmark reports both).
 */
@Component
public class MasterPasswords implements AutoCloseable {

    private final JdbcClient jdbc;
    private final Argon2idHasher hasher;
    private final Clock clock;
    private final String dummyHash;
    private final List<Thread> hashingThreads = new CopyOnWriteArrayList<>();
    private final ExecutorService hashing;
    private final Counter hashes;

    MasterPasswords(JdbcClient jdbc, CredentialsProperties properties, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.hasher = new Argon2idHasher(properties.argon2().parameters());
        this.clock = clock;
        ThreadFactory threads = Thread.ofPlatform().name("argon2id-", 1).daemon().factory();
        this.hashing = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), task -> {
            Thread thread = threads.newThread(task);
            hashingThreads.add(thread);
            return thread;
        });
        this.hashes = Counter.builder("sus.credentials.hashes")
                .description("Argon2id computations of master passwords (one per SMS login attempt)")
                .register(meters);
        FunctionCounter.builder("sus.credentials.hashing.cpu", this, MasterPasswords::hashingCpuSeconds)
                .description("CPU time of the threads that compute Argon2id hashes").baseUnit("seconds")
                .register(meters);
        this.dummyHash = hash(new MasterPasswordGenerator().generate());
    }

    /**
     * True only if {@code personId} is present, has a master password, and {@code candidate}
     * matches it. Takes one Argon2id computation in every case. A match against a hash made with
     * other parameters than today's is re-hashed with today's, so raising the cost settings
     * upgrades every master password at its owner's next login.
     */
    public boolean verify(Optional<Long> personId, String candidate) {
        Optional<String> stored = personId.flatMap(this::storedHash);
        boolean matches = onHashingThread(() -> hasher.verify(candidate, stored.orElse(dummyHash)));
        if (stored.isPresent() && matches && hasher.needsRehash(stored.get())) {
            setHash(personId.get(), hash(candidate));
        }
        return stored.isPresent() && matches;
    }

    /** Sets (or replaces) a person's master password; the old one stops working at once. */
    @Transactional
    public void set(long personId, String masterPassword) {
        setHash(personId, hash(masterPassword));
    }

    /** Stores a hash made elsewhere (demo data and benchmarks share one precomputed hash). */
    @Transactional
    public void setHash(long personId, String phcHash) {
        int updated = jdbc.sql("UPDATE master_password SET phc_hash = :h, created_at = :now WHERE person_id = :p")
                .param("h", phcHash).param("now", OffsetDateTime.now(clock)).param("p", personId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO master_password (person_id, phc_hash, created_at) VALUES (:p, :h, :now)")
                    .param("h", phcHash).param("now", OffsetDateTime.now(clock)).param("p", personId).update();
        }
    }

    public String hash(String masterPassword) {
        return onHashingThread(() -> hasher.hash(masterPassword));
    }

    public boolean has(long personId) {
        return storedHash(personId).isPresent();
    }

    @Override
    public void close() {
        hashing.shutdownNow();
    }

    /** CPU seconds of the hashing threads alive now (a thread that died took its share with it). */
    private double hashingCpuSeconds() {
        var threads = ManagementFactory.getThreadMXBean();
        hashingThreads.removeIf(thread -> thread.getState() == Thread.State.TERMINATED);
        return hashingThreads.stream().mapToLong(thread -> Math.max(0, threads.getThreadCpuTime(thread.threadId())))
                .sum() / 1e9;
    }

    private <T> T onHashingThread(Supplier<T> work) {
        Future<T> result = hashing.submit(() -> {
            hashes.increment();
            return work.get();
        });
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while hashing", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private Optional<String> storedHash(long personId) {
        return jdbc.sql("SELECT phc_hash FROM master_password WHERE person_id = :p")
                .param("p", personId).query(String.class).optional();
    }
}
