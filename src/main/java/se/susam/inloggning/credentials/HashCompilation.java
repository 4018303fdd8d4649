package se.susam.inloggning.credentials;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the JIT compile Bouncy Castle's Argon2id the fast way in every JVM. Two of HotSpot C2's
 * inlining decisions in the inner loop depend on what it has seen before, and a JVM keeps what it
 * decided for as long as it runs:
 * <ul>
 * <li>The BlaMka round ({@code Argon2BytesGenerator.G}) rotates with {@code Longs.rotateRight},
 * which calls {@link Long#rotateRight}. C2 turns that into one rotate instruction only if the
 * profile it has says the call site is hot; the profile is shared with every other caller of
 * {@code Longs.rotateRight} and can be stale, and then a real call stays in the loop. On the
 * benchmark machine 3 of 17 server starts got the call and hashed at 38-53 instead of about 95
 * hashes/s on two cores.</li>
 * <li>{@code FillBlock.applyBlake} calls {@code roundFunction} 16 times per block. When C2 has
 * already compiled {@code roundFunction} on its own, the result is too big to inline, and every
 * round becomes a call with 17 arguments. Of the 14 other starts, 12 got that shape (84-99
 * hashes/s) and two did not (102-112); the benchmark client's JVM, which does nothing but hash,
 * mostly got the fast one.</li>
 * </ul>
 * A compiler directive (JEP 165), added through the JVM's diagnostic command MBean before the first
 * hash, forces both inlinings in every method of the generator: server starts then hashed at
 * 105-112 hashes/s (README "Benchmark"). No launch depends on a JVM option being remembered.
 *
 * <p>On a JVM without HotSpot's diagnostic commands the directive is left out, with a warning; the
 * hashes are as correct, some JVMs slower.
 */
final class HashCompilation {

    private static final Logger log = LoggerFactory.getLogger(HashCompilation.class);

    /** The methods the directive applies to, in the directive's pattern syntax. */
    static final String MATCH = "org/bouncycastle/crypto/generators/Argon2BytesGenerator*.*";

    private static final String DIRECTIVE = """
            [{
              match: "%s",
              inline: ["+org/bouncycastle/util/Longs.rotateRight", "+java/lang/Long.rotateRight",
                       "+org/bouncycastle/crypto/generators/Argon2BytesGenerator.access$500",
                       "+org/bouncycastle/crypto/generators/Argon2BytesGenerator.roundFunction",
                       "+org/bouncycastle/crypto/generators/Argon2BytesGenerator.G"]
            }]
            """.formatted(MATCH);

    private static final String[] SIGNATURE = {String[].class.getName()};

    private static boolean added;

    private HashCompilation() {
    }

    /**
     * Adds the directive once (per class loader: once per JVM in production); later calls do
     * nothing. Never throws.
     */
    static synchronized void ensureDirective() {
        if (added) {
            return;
        }
        added = true;
        try {
            Path file = Files.createTempFile("sus-argon2id-jit", ".json");
            try {
                Files.writeString(file, DIRECTIVE);
                String answer = String.valueOf(diagnosticCommand("compilerDirectivesAdd", file.toString())).strip();
                if (answer.startsWith("1 compiler directives added")) {
                    log.info("Argon2id: compiler directive added, the BlaMka round always inlined");
                } else {
                    log.warn("Argon2id: the JVM refused the compiler directive ({}); hashing may run slower "
                            + "on some JVM starts", answer);
                }
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException | JMException | RuntimeException e) {
            log.warn("Argon2id: no compiler directive ({}); hashing may run slower on some JVM starts", e.toString());
        }
    }

    /** The compiler directives in force, as {@code jcmd <pid> Compiler.directives_print} prints them. */
    static String directivesInForce() throws JMException {
        return String.valueOf(diagnosticCommand("compilerDirectivesPrint"));
    }

    private static Object diagnosticCommand(String operation, String... arguments) throws JMException {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        return server.invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"), operation,
                new Object[]{arguments}, SIGNATURE);
    }
}
