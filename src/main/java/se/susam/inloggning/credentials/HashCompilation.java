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
 * Makes the JIT compile Bouncy Castle's Argon2id the fast way in every JVM. The inner loop (the
 * BlaMka round, {@code Argon2BytesGenerator.G}) rotates with {@code Longs.rotateRight}, which calls
 * {@link Long#rotateRight}. HotSpot's C2 inlines that call into one rotate instruction only if the
 * profile it has at that moment says the call site is hot; the profile is shared with every other
 * caller of {@code Longs.rotateRight} and can be stale, and then C2 leaves a real call in the
 * loop. Which of the two a JVM gets is decided once, at startup: on the benchmark machine about one
 * server start in five got the call, and hashed at 42 instead of 95-110 hashes/s on two cores for
 * as long as it ran (README "Benchmark"). A compiler directive (JEP 165), added through the JVM's
 * diagnostic command MBean before the first hash, forces the inlining in every method of the
 * generator, so no launch depends on a JVM option being remembered.
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
              inline: ["+org/bouncycastle/util/Longs.rotateRight", "+java/lang/Long.rotateRight"]
            }]
            """.formatted(MATCH);

    private static final String[] SIGNATURE = {String[].class.getName()};

    private static boolean added;

    private HashCompilation() {
    }

    /** Adds the directive once per JVM; later calls do nothing. Never throws. */
    static synchronized void ensureDirective() {
        if (added) {
            return;
        }
        added = true;
        try {
            Path file = Files.createTempFile("sus-argon2id-jit", ".json");
            try {
                Files.writeString(file, DIRECTIVE);
                Object answer = diagnosticCommand("compilerDirectivesAdd", file.toString());
                log.info("Argon2id: compiler directive added, Long.rotateRight always inlined ({})",
                        String.valueOf(answer).strip());
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
