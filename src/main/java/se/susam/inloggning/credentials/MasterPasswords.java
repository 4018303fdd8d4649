package se.susam.inloggning.credentials;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
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
 * sus.credentials.hashing.cpu} is the CPU time they took, so the CPU a login spends
 * outside its hash can be told apart (the SMS login benchmark reports both).
 */
@Component
public class MasterPasswords implements AutoCloseable {

    private final JdbcClient jdbc;
    private final Argon2idHasher hasher;
    private final Clock clock;
    private final String dummyHash;
    private final int hashingThreads = Runtime.getRuntime().availableProcessors();
    private final ExecutorService hashing = Executors.newFixedThreadPool(hashingThreads,
            Thread.ofPlatform().name("argon2id-", 1).daemon().factory());
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Counter hashes;
    private final Counter hashingCpu;

    MasterPasswords(JdbcClient jdbc, CredentialsProperties properties, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.hasher = new Argon2idHasher(properties.argon2().parameters());
        this.clock = clock;
        this.hashes = Counter.builder("sus.credentials.hashes")
                .description("Argon2id computations of master passwords (one per SMS login attempt)")
                .register(meters);
        this.hashingCpu = Counter.builder("sus.credentials.hashing.cpu")
                .description("CPU time of the Argon2id computations of master passwords").baseUnit("seconds")
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

    /** The platform threads that compute every hash, one per core: at most this many hashes run at once. */
    public int hashingThreads() {
        return hashingThreads;
    }

    public boolean has(long personId) {
        return storedHash(personId).isPresent();
    }

    @Override
    public void close() {
        hashing.shutdownNow();
    }

    private <T> T onHashingThread(Supplier<T> work) {
        Future<T> result = hashing.submit(() -> {
            long cpuBefore = threads.getCurrentThreadCpuTime();
            try {
                return work.get();
            } finally {
                hashes.increment();
                hashingCpu.increment(Math.max(0, threads.getCurrentThreadCpuTime() - cpuBefore) / 1e9);
            }
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
