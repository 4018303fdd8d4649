package se.susam.inloggning.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import se.susam.inloggning.credentials.Argon2Parameters;

/**
 * The settings of one benchmark run, from {@code name=value} arguments ({@code bench/sms-login.sh}
 * passes them from its environment variables).
 *
 * @param server       where the product runs with the {@code bench} profile
 * @param users        persons the server seeded ({@code sus.bench.users}); each virtual user owns
 *                     every {@code concurrency}-th of them, so no two log in as the same person
 * @param concurrency  virtual users logging in at once, each one login after the other
 * @param warmup       load before measuring (JIT, connection pools)
 * @param duration     each measured load window
 * @param rounds       measured load windows, each between two measurements of the server's raw hash
 *                     rate ({@link SmsLoginBenchmark}: the machine's speed drifts)
 * @param argon2       the server's {@code sus.credentials.argon2.*}: the raw hash rate is measured with them
 * @param hashThreads  threads of the raw hash measurement: the machine's cores
 * @param hashWarmup   hashing before the raw hash rate is measured: the JIT keeps improving the
 *                     Argon2id loop for some 20–30 s (measured: 61 hashes/s in the first 5 s, 69 in
 *                     the next, 73–75 after 25 s), and a rate measured too early flatters the ratio
 * @param hashDuration the measured part of the raw hash measurement
 * @param report       where to write the report as well as printing it, if anywhere
 */
record BenchSettings(URI server, int users, int concurrency, Duration warmup, Duration duration, int rounds,
                     Argon2Parameters argon2, int hashThreads, Duration hashWarmup, Duration hashDuration,
                     Optional<Path> report) {

    static final Set<String> NAMES = Set.of("url", "users", "concurrency", "warmup", "duration", "rounds", "m", "t",
            "p", "hash-threads", "hash-warmup", "hash-seconds", "report");

    BenchSettings {
        if (concurrency < 1 || users < concurrency) {
            throw new IllegalArgumentException("need 1 ≤ concurrency ≤ users (got concurrency=%d, users=%d)"
                    .formatted(concurrency, users));
        }
        if (rounds < 1 || !duration.isPositive()) {
            throw new IllegalArgumentException("need rounds ≥ 1 and duration ≥ 1 s (got rounds=%d, duration=%d)"
                    .formatted(rounds, duration.toSeconds()));
        }
    }

    static BenchSettings parse(String... args) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            if (eq < 0 || !NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown argument '" + arg + "'; use name=value with name one of "
                        + NAMES);
            }
            values.put(name, arg.substring(eq + 1));
        }
        return new BenchSettings(
                URI.create(values.getOrDefault("url", "http://127.0.0.1:18080")),
                integer(values, "users", 1000),
                integer(values, "concurrency", 32),
                Duration.ofSeconds(integer(values, "warmup", 180)),
                Duration.ofSeconds(integer(values, "duration", 20)),
                integer(values, "rounds", 6),
                new Argon2Parameters(integer(values, "m", 7168), integer(values, "t", 5), integer(values, "p", 1)),
                integer(values, "hash-threads", Runtime.getRuntime().availableProcessors()),
                Duration.ofSeconds(integer(values, "hash-warmup", 30)),
                Duration.ofSeconds(integer(values, "hash-seconds", 10)),
                Optional.ofNullable(values.get("report")).filter(s -> !s.isBlank()).map(Path::of));
    }

    private static int integer(Map<String, String> values, String name, int otherwise) {
        String value = values.get(name);
        try {
            return value == null || value.isBlank() ? otherwise : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'");
        }
    }
}
