package se.susam.inloggning.tjanstekort;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.springframework.test.context.DynamicPropertyRegistry;

import se.susam.inloggning.identity.Personnummer;

/**
 * The tests' PKI, one per test JVM: a root with FK and AF card issuers, a stranger CA, a server
 * certificate for the connector, and the revocation services on a local HTTP server — a Bouncy
 * Castle OCSP responder for FK (answers set per serial) and a CRL for AF.
 */
final class TestPki {

    static final String PASSWORD = "test";
    static final String POLICY = "2.999.752.1";

    private static TestPki instance;

    final Path directory;
    final DemoCa root = DemoCa.root("Test Root CA");
    final DemoCa fk = root.subordinate("Försäkringskassan Test Tjänstekort CA");
    final DemoCa af = root.subordinate("Arbetsförmedlingen Test Tjänstekort CA");
    final DemoCa stranger = DemoCa.root("Stranger Root CA").subordinate("Stranger Card CA");
    final DemoCa fkImpostor = DemoCa.impostor(fk);
    final int certificatePort = freePort();
    final int sitePort = freePort();
    /** Nothing listens here: an OCSP responder that is down. */
    final int closedPort = freePort();
    final Map<BigInteger, OcspResponder.Answer> fkAnswers = new ConcurrentHashMap<>();
    final Set<BigInteger> afRevoked = ConcurrentHashMap.newKeySet();
    final AtomicInteger ocspRequests = new AtomicInteger();
    private final HttpServer revocation;

    private TestPki() {
        try {
            directory = Files.createTempDirectory("sus-tjanstekort-test");
            Files.writeString(directory.resolve("root.pem"), DemoCa.pem(root.certificate()));
            Files.writeString(directory.resolve("fk-ca.pem"), DemoCa.pem(fk.certificate()));
            Files.writeString(directory.resolve("af-ca.pem"), DemoCa.pem(af.certificate()));
            Files.write(directory.resolve("server.p12"), root.server("localhost").pkcs12(PASSWORD.toCharArray()));
            revocation = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            OcspResponder fkResponder = new OcspResponder(fk,
                    serial -> fkAnswers.getOrDefault(serial, OcspResponder.Answer.GOOD), Duration.ofMinutes(10));
            revocation.createContext("/ocsp/fk", exchange -> {
                ocspRequests.incrementAndGet();
                try (InputStream in = exchange.getRequestBody()) {
                    reply(exchange, "application/ocsp-response", fkResponder.respond(in.readAllBytes()));
                }
            });
            revocation.createContext("/crl/af.crl", exchange -> reply(exchange, "application/pkix-crl",
                    af.crl(afRevoked, Instant.now(), Instant.now().plus(Duration.ofMinutes(10)))));
            revocation.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized TestPki get() {
        if (instance == null) {
            instance = new TestPki();
        }
        return instance;
    }

    URI ocspUrl() {
        return URI.create("http://127.0.0.1:" + revocation.getAddress().getPort() + "/ocsp/fk");
    }

    URI crlUrl() {
        return URI.create("http://127.0.0.1:" + revocation.getAddress().getPort() + "/crl/af.crl");
    }

    URI downResponderUrl() {
        return URI.create("http://127.0.0.1:" + closedPort + "/ocsp/fk");
    }

    /** A good FK card profile for {@code personnummer}: plain 12 digits, the policy, OCSP in the AIA. */
    DemoCa.CardProfile fkProfile(Personnummer personnummer) {
        return DemoCa.CardProfile.card("Test Person", personnummer.value(), POLICY, ocspUrl(), null);
    }

    /** A good AF card profile: PNOSE form, the policy, CRL distribution point. */
    DemoCa.CardProfile afProfile(Personnummer personnummer) {
        return DemoCa.CardProfile.card("Test Person", "PNOSE-" + personnummer.value(), POLICY, null, crlUrl());
    }

    String siteUrl() {
        return "http://localhost:" + sitePort;
    }

    String certificateUrl() {
        return "https://localhost:" + certificatePort;
    }

    /** The application's settings for this PKI. */
    void register(DynamicPropertyRegistry registry) {
        settings().forEach((name, value) -> registry.add(name, () -> value));
    }

    /** The same settings as command-line arguments, for an application started by hand (the benchmark). */
    String[] arguments() {
        return settings().entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    private Map<String, Object> settings() {
        Map<String, Object> settings = new java.util.LinkedHashMap<>();
        settings.put("server.port", sitePort);
        settings.put("server.servlet.session.cookie.secure", "false");
        String prefix = "sus.certificate-login.";
        settings.put(prefix + "enabled", "true");
        settings.put(prefix + "port", certificatePort);
        settings.put(prefix + "base-url", certificateUrl());
        settings.put(prefix + "site-url", siteUrl());
        settings.put(prefix + "server.key-store", "file:" + directory.resolve("server.p12"));
        settings.put(prefix + "server.key-store-password", PASSWORD);
        settings.put(prefix + "revocation.timeout", "2s");
        settings.put(prefix + "proxy.trusted-addresses", "127.0.0.1/32");
        issuer(settings, "fk", "Försäkringskassan", "TJANSTEKORT_FK", "fk-ca.pem", "OCSP");
        issuer(settings, "af", "Arbetsförmedlingen", "TJANSTEKORT_AF", "af-ca.pem", "CRL");
        return settings;
    }

    private void issuer(Map<String, Object> settings, String key, String name, String method, String caFile,
                        String revocationSource) {
        String prefix = "sus.certificate-login.issuers." + key + ".";
        settings.put(prefix + "display-name", name);
        settings.put(prefix + "login-method", method);
        settings.put(prefix + "ca-certificates",
                "file:" + directory.resolve("root.pem") + ",file:" + directory.resolve(caFile));
        settings.put(prefix + "policies", POLICY);
        settings.put(prefix + "revocation-source", revocationSource);
    }

    private static void reply(HttpExchange exchange, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
