package se.susam.inloggning.tjanstekort;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import se.susam.inloggning.SusInloggningApplication;
import se.susam.inloggning.access.AccessRegistry;
import se.susam.inloggning.access.AccessStatus;
import se.susam.inloggning.access.Organisation;
import se.susam.inloggning.access.OrganisationKind;
import se.susam.inloggning.access.Person;
import se.susam.inloggning.access.Role;

/**
 * Certificate logins per second: full TLS handshakes with a client certificate (no session
 * resumption: a new SSLContext per login), the full chain checked by PKIX, OCSP answers reused
 * from the cache, personnummer, access gate and a new session in the database. Then the validator
 * alone. Not a test; run as the README says. Arguments: threads, seconds, cards (default 8 20 50).
 */
public final class CertificateLoginBenchmark {

    private CertificateLoginBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        Duration length = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 20);
        int cardCount = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        TestPki pki = TestPki.get();
        List<String> arguments = new ArrayList<>(List.of(pki.arguments()));
        arguments.add("--spring.datasource.url=jdbc:h2:mem:bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        arguments.add("--logging.level.se.susam=WARN");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SusInloggningApplication.class)
                .profiles("test").run(arguments.toArray(String[]::new))) {
            List<DemoCa.Card> cards = cards(app.getBean(AccessRegistry.class), pki, cardCount);
            for (DemoCa.Card card : cards) {
                login(card, pki.root.certificate(), pki.certificatePort);
            }
            int ocspBefore = pki.ocspRequests.get();
            Result tls = measure(cards, pki.root.certificate(), pki.certificatePort, threads, length);
            System.out.printf("Certificate logins over TLS: %d threads, %d s, %d cards: %d logins, %.1f logins/s, "
                            + "p50 %d ms, p95 %d ms, failures %d, OCSP requests during the run %d%n",
                    threads, length.toSeconds(), cardCount, tls.count(), tls.count() / (double) length.toSeconds(),
                    tls.percentile(50), tls.percentile(95), tls.failures(), pki.ocspRequests.get() - ocspBefore);
            validatorOnly(app, pki, length);
        }
        System.exit(0);
    }

    private record Result(int count, int failures, List<Long> millis) {
        long percentile(int p) {
            List<Long> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
        }
    }

    private static List<DemoCa.Card> cards(AccessRegistry registry, TestPki pki, int count) {
        Organisation organisation = registry.addOrganisation("202100-5521", "Försäkringskassan",
                OrganisationKind.FORSAKRINGSKASSAN);
        List<DemoCa.Card> cards = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Person person = registry.addPerson(se.susam.inloggning.testsupport.TestRegistry.uniquePersonnummer(),
                    "Bench", "Person " + i, "bench@example.se");
            registry.addGrant(person.id(), organisation, Set.of(Role.INSATSANSVARIG), LocalDate.now().minusDays(1),
                    LocalDate.now().plusDays(1), AccessStatus.ACTIVE, Optional.empty());
            cards.add(pki.fk.card(pki.fkProfile(person.personnummer())));
        }
        return cards;
    }

    /**
     * One login on a new TLS connection with a full handshake (a new client context, so nothing to
     * resume): the status line of {@code GET /tjanstekort/fk}.
     */
    private static boolean login(DemoCa.Card card, java.security.cert.X509Certificate root, int port) throws Exception {
        return login(CardBrowser.sslContext(root, card, new ArrayList<>()), port);
    }

    private static boolean login(SSLContext card, int port) throws Exception {
        try (SSLSocket socket = (SSLSocket) card.getSocketFactory().createSocket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /tjanstekort/fk HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return status != null && status.startsWith("HTTP/1.1 302");
        }
    }

    private static Result measure(List<DemoCa.Card> cards, java.security.cert.X509Certificate root, int port,
                                  int threads, Duration length) throws Exception {
        long end = System.nanoTime() + length.toNanos();
        AtomicInteger failures = new AtomicInteger();
        List<Long> millis = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> runs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            runs.add(pool.submit(() -> {
                int i = offset;
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    try {
                        if (!login(cards.get(i++ % cards.size()), root, port)) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                    millis.add((System.nanoTime() - start) / 1_000_000);
                }
                return null;
            }));
        }
        for (Future<?> run : runs) {
            run.get();
        }
        pool.shutdown();
        return new Result(millis.size() - failures.get(), failures.get(), millis);
    }

    /** The validator alone, in-process: chain, key usage, policy, personnummer and cached OCSP. */
    private static void validatorOnly(ConfigurableApplicationContext app, TestPki pki, Duration length) {
        IssuerTrust trust = app.getBean(IssuerTrusts.class).byKey("fk").orElseThrow();
        CertificateLoginProperties properties = app.getBean(CertificateLoginProperties.class);
        CertificateValidator validator = new CertificateValidator(
                new RevocationChecker(properties.revocation(), java.time.Clock.systemUTC()), java.time.Clock.systemUTC(),
                false);
        List<DemoCa.Card> cards = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            cards.add(pki.fk.card(pki.fkProfile(se.susam.inloggning.testsupport.TestRegistry.uniquePersonnummer())));
        }
        cards.forEach(card -> validator.check(card.chain(), trust));
        long end = System.nanoTime() + length.toNanos() / 2;
        long checks = 0;
        long start = System.nanoTime();
        while (System.nanoTime() < end) {
            if (!(validator.check(cards.get((int) (checks % cards.size())).chain(), trust)
                    instanceof CertificateCheck.Valid)) {
                throw new IllegalStateException("a good card was refused");
            }
            checks++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("Validator alone (one thread, cached OCSP): %d checks in %.1f s, %.0f checks/s%n", checks,
                seconds, checks / seconds);
    }
}
