package se.susam.inloggning.tjanstekort;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo's PKI in {@code ./data/tjanstekort}: a root CA, the card issuers "Försäkringskassan Demo
 * Tjänstekort CA" and "Arbetsförmedlingen Demo Tjänstekort CA", the certificate connector's server
 * certificate, the OCSP responder data (which card serials are revoked) and PKCS#12 cards for the
 * demo persons (password {@value #PASSWORD}). Created at the demo's first start when absent, or by
 * {@code ./sus demo-certs} (this class's {@link #main}). Never for real cards.
 */
@Component
@Profile("demo")
class DemoCertificates {

    private static final Logger log = LoggerFactory.getLogger(DemoCertificates.class);
    static final String PASSWORD = "demo";
    /** A policy OID from the X.660 example arc (2.999): the demo's "tjänstekort for login" policy. */
    static final String DEMO_POLICY = "2.999.752.1";

    /** A demo card: who holds it, which issuer, how its serialNumber is written, whether it is revoked. */
    record DemoCard(String file, String name, String issuer, String serialNumberAttribute, boolean revoked) {
    }

    /** The README's "Tjänstekort" table. */
    static final List<DemoCard> CARDS = List.of(
            new DemoCard("cecilia-ek.p12", "Cecilia Ek", "fk", "196803059879", false),
            new DemoCard("gunnar-lund.p12", "Gunnar Lund", "af", "PNOSE-198209259814", false),
            new DemoCard("fredrik-ahl.p12", "Fredrik Ahl", "fk", "19721230-9897", false),
            new DemoCard("cecilia-ek-sparrat.p12", "Cecilia Ek", "fk", "196803059879", true));

    private final Path directory;
    private final URI siteUrl;

    @org.springframework.beans.factory.annotation.Autowired
    DemoCertificates(CertificateLoginProperties properties) {
        this(properties.demoDirectory(), properties.siteUrl());
    }

    DemoCertificates(Path directory, URI siteUrl) {
        this.directory = directory;
        this.siteUrl = siteUrl;
    }

    /** {@code ./sus demo-certs}: creates the demo PKI anew in ./data/tjanstekort. */
    public static void main(String[] args) throws IOException {
        DemoCertificates demo = new DemoCertificates(Path.of("data", "tjanstekort"), URI.create("http://localhost:8080"));
        demo.create();
        System.out.println("Demo certificates written to " + demo.directory.toAbsolutePath()
                + " (cards in kort/, password '" + PASSWORD + "')");
    }

    synchronized void ensureCreated() {
        if (Files.exists(directory.resolve("server.p12"))) {
            return;
        }
        try {
            create();
            log.info("Demo tjänstekort PKI created in {}", directory.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("Demo certificates could not be written to " + directory, e);
        }
    }

    private void create() throws IOException {
        Files.createDirectories(directory.resolve("ca"));
        Files.createDirectories(directory.resolve("kort"));
        char[] password = PASSWORD.toCharArray();
        DemoCa root = DemoCa.root("SUS Demo Root CA");
        DemoCa fk = root.subordinate("Försäkringskassan Demo Tjänstekort CA");
        DemoCa af = root.subordinate("Arbetsförmedlingen Demo Tjänstekort CA");
        Files.writeString(directory.resolve("ca/root.pem"), DemoCa.pem(root.certificate()));
        for (var issuer : List.of(java.util.Map.entry("fk", fk), java.util.Map.entry("af", af))) {
            Files.writeString(directory.resolve("ca/" + issuer.getKey() + "-ca.pem"),
                    DemoCa.pem(issuer.getValue().certificate()));
            Files.write(directory.resolve("ca/" + issuer.getKey() + "-ca.p12"), issuer.getValue().pkcs12(password));
        }
        Files.write(directory.resolve("server.p12"), root.server("localhost").pkcs12(password));
        StringBuilder revoked = new StringBuilder("# issuer serial (hex): revoked demo cards, read by /dev/ocsp and /dev/crl\n");
        for (DemoCard card : CARDS) {
            DemoCa issuer = card.issuer().equals("fk") ? fk : af;
            URI ocsp = card.issuer().equals("fk") ? siteUrl.resolve("/dev/ocsp/fk") : null;
            URI crl = card.issuer().equals("af") ? siteUrl.resolve("/dev/crl/af.crl") : null;
            DemoCa.Card issued = issuer.card(DemoCa.CardProfile.card(card.name(), card.serialNumberAttribute(),
                    DEMO_POLICY, ocsp, crl));
            Files.write(directory.resolve("kort/" + card.file()), issued.pkcs12(password));
            if (card.revoked()) {
                revoked.append(card.issuer()).append(' ').append(issued.certificate().getSerialNumber().toString(16))
                        .append('\n');
            }
        }
        Files.writeString(directory.resolve("revoked.txt"), revoked.toString());
    }

    /** A demo card issuer with its key, to sign OCSP answers and CRLs. */
    DemoCa issuer(String key) {
        try (InputStream in = Files.newInputStream(directory.resolve("ca/" + key + "-ca.p12"))) {
            return DemoCa.fromPkcs12(in, PASSWORD.toCharArray());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Demo CA " + key + " unreadable in " + directory, e);
        }
    }

    /** The serials of {@code issuer}'s revoked demo cards, as revoked.txt lists them now. */
    Set<BigInteger> revoked(String issuer) {
        try {
            return Files.readAllLines(directory.resolve("revoked.txt"), StandardCharsets.UTF_8).stream()
                    .filter(line -> line.startsWith(issuer + " "))
                    .map(line -> new BigInteger(line.substring(issuer.length() + 1).strip(), 16))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
