package se.susam.inloggning.credentials;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters.Builder;

/**
 * Argon2id hashing in the PHC string format
 * ({@code $argon2id$v=19$m=7168,t=5,p=1$<salt>$<hash>}), so each stored hash carries the
 * parameters it was made with and they can be raised later. 16-byte salt, 32-byte hash
 * (RFC 9106 §3.1 recommendations).
 *
 * <p>On a platform thread the computation's memory is kept for the thread's next computation
 * ({@link Argon2Memory}): the few hashing threads of {@link MasterPasswords} then keep 7 MiB each
 * instead of allocating 7 MiB for every login. A virtual thread, which lives for one request,
 * allocates it afresh.
 *
 * <p>The first hasher in a JVM makes the JIT compile the Argon2id loop the fast way ({@link
 * HashCompilation}).
 */
public final class Argon2idHasher {

    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    static {
        HashCompilation.ensureDirective();
    }

    private final Argon2Parameters parameters;
    private final SecureRandom random = new SecureRandom();
    private final ThreadLocal<Argon2Memory> memory;

    public Argon2idHasher(Argon2Parameters parameters) {
        this.parameters = parameters;
        this.memory = ThreadLocal.withInitial(() -> Argon2Memory.forParameters(parameters));
    }

    public Argon2Parameters parameters() {
        return parameters;
    }

    /** A new hash of {@code secret} with a fresh salt and this hasher's parameters. */
    public String hash(String secret) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        byte[] hash = derive(secret, salt, parameters, 32);
        return "$argon2id$v=19$m=%d,t=%d,p=%d$%s$%s".formatted(parameters.memoryKib(), parameters.iterations(),
                parameters.parallelism(), B64.encodeToString(salt), B64.encodeToString(hash));
    }

    /** Checks {@code secret} against a PHC string, with the parameters stored in it; constant-time compare. */
    public boolean verify(String secret, String phc) {
        Matcher m = PHC.matcher(phc);
        if (!m.matches()) {
            throw new IllegalArgumentException("Not an Argon2id PHC string");
        }
        Argon2Parameters stored = new Argon2Parameters(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)));
        byte[] expected = B64D.decode(m.group(5));
        byte[] actual = derive(secret, B64D.decode(m.group(4)), stored, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** Whether a stored hash was made with weaker parameters than this hasher's and should be redone. */
    public boolean needsRehash(String phc) {
        return !phc.startsWith("$argon2id$v=19$m=%d,t=%d,p=%d$".formatted(parameters.memoryKib(),
                parameters.iterations(), parameters.parallelism()));
    }

    private byte[] derive(String secret, byte[] salt, Argon2Parameters p, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Builder(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_id)
                .withVersion(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(p.memoryKib())
                .withIterations(p.iterations())
                .withParallelism(p.parallelism())
                .withSalt(salt)
                .withBlockPool(Thread.currentThread().isVirtual() ? null : memory.get())
                .build());
        byte[] out = new byte[length];
        generator.generateBytes(secret.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
