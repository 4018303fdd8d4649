package se.susam.inloggning.tjanstekort;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.susam.inloggning.testsupport.TestSupportConfiguration;
import se.susam.inloggning.testsupport.WebClient.Page;

/**
 * The demo run creates its PKI at first start and serves the certificate connector with it; the
 * demo cards (the PKCS#12 files a tester imports) log in through the demo's own OCSP responder and
 * CRL, as the README's table says.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles({"test", "demo"})
@Tag("database")
@Import(TestSupportConfiguration.class)
class DemoCertificatesTest {

    static final Path DIRECTORY = temporaryDirectory();
    static final int SITE_PORT = TestPki.freePort();
    static final int CERTIFICATE_PORT = TestPki.freePort();

    @DynamicPropertySource
    static void demoOnFreePorts(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> SITE_PORT);
        registry.add("sus.certificate-login.port", () -> CERTIFICATE_PORT);
        registry.add("sus.certificate-login.base-url", () -> "https://localhost:" + CERTIFICATE_PORT);
        registry.add("sus.certificate-login.site-url", () -> "http://localhost:" + SITE_PORT);
        registry.add("sus.certificate-login.demo-directory", DIRECTORY::toString);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("sus-demo-pki").resolve("tjanstekort");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DemoCa.Card demoCard(String file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(DIRECTORY.resolve("kort").resolve(file))) {
            return DemoCa.Card.fromPkcs12(in, DemoCertificates.PASSWORD.toCharArray());
        }
    }

    private static Page logIn(String file, String issuer) throws IOException, GeneralSecurityException {
        DemoCa.Card card = demoCard(file);
        X509Certificate root = card.chain().getLast();
        CardBrowser browser = new CardBrowser(root, card, null);
        Page login = browser.get("https://localhost:" + CERTIFICATE_PORT + "/tjanstekort/" + issuer);
        return login.status() == 302 ? browser.get(login.location()) : login;
    }

    @Test
    void ceciliaWhenLoggingInWithHerFkDemoCardThenSusWithHerRole() throws Exception {
        Page page = logIn("cecilia-ek.p12", "fk");
        assertThat(page.status()).as(page.text()).isEqualTo(200);
        assertThat(page.text()).contains("Välkommen, Cecilia Ek", "Försäkringskassan", "Tjänstekort FK");
    }

    @Test
    void gunnarWhenLoggingInWithHisAfDemoCardThenSusAtArbetsformedlingen() throws Exception {
        Page page = logIn("gunnar-lund.p12", "af");
        assertThat(page.status()).as(page.text()).isEqualTo(200);
        assertThat(page.text()).contains("Välkommen, Gunnar Lund", "Arbetsförmedlingen");
    }

    @Test
    void fredrikWhenLoggingInWithHisCardThenNoAccess() throws Exception {
        Page page = logIn("fredrik-ahl.p12", "fk");
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.text()).contains("Du saknar behörighet till SUS", "ACC-001");
    }

    @Test
    void revokedDemoCardWhenUsedThenRevokedByTheDemoOcspResponder() throws Exception {
        Page page = logIn("cecilia-ek-sparrat.p12", "fk");
        assertThat(page.status()).isEqualTo(401);
        assertThat(page.text()).contains("TJK-005");
    }
}
