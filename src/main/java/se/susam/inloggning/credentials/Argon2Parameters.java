package se.susam.inloggning.credentials;

/**
 * Argon2id cost parameters (RFC 9106 §3.1). The defaults are OWASP's Password Storage Cheat
 * Sheet minimum that Keycloak also uses: m = 7 MiB, t = 5, p = 1.
 *
 * @param memoryKib   memory in KiB ({@code m})
 * @param iterations  passes over memory ({@code t})
 * @param parallelism lanes ({@code p})
 */
public record Argon2Parameters(int memoryKib, int iterations, int parallelism) {

    public static final Argon2Parameters OWASP_MINIMUM = new Argon2Parameters(7168, 5, 1);

    public Argon2Parameters {
        if (memoryKib < 8 * parallelism || iterations < 1 || parallelism < 1) {
            throw new IllegalArgumentException("Invalid Argon2 parameters m=%d t=%d p=%d"
                    .formatted(memoryKib, iterations, parallelism));
        }
    }
}
