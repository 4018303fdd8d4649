package se.susam.inloggning.tjanstekort;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.susam.inloggning.testsupport.TestSupportConfiguration;

/**
 * The running application with tjänstekort login on {@link TestPki}: the site and the certificate
 * connector on fixed free ports (the redirect from one to the other needs both), one context shared
 * by every test class that extends this, on H2 and again on PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
@Tag("database")
@Import(TestSupportConfiguration.class)
abstract class CertificateLoginContext {

    static final TestPki PKI = TestPki.get();

    @DynamicPropertySource
    static void certificateLogin(DynamicPropertyRegistry registry) {
        PKI.register(registry);
    }
}
