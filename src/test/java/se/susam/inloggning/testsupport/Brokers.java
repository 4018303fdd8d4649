package se.susam.inloggning.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Registers an e-ID broker (sus.eleg.providers) for a test's application context. */
public final class Brokers {

    private Brokers() {
    }

    public static void register(DynamicPropertyRegistry properties, String key, String name, String issuer) {
        String prefix = "sus.eleg.providers." + key + ".";
        properties.add(prefix + "name", () -> name);
        properties.add(prefix + "text-sv", () -> "E-legitimation från " + name);
        properties.add(prefix + "text-en", () -> "E-ID from " + name);
        properties.add(prefix + "issuer", () -> issuer);
        properties.add(prefix + "client-id", () -> "sus-inloggning");
        properties.add(prefix + "client-secret", () -> "broker-secret");
        properties.add(prefix + "connect-timeout", () -> "2s");
    }
}
