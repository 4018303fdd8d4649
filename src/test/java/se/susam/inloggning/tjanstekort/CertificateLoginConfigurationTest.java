package se.susam.inloggning.tjanstekort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import se.susam.inloggning.SusInloggningApplication;

/** A wrong tjänstekort setting stops start-up with a message that names it. */
class CertificateLoginConfigurationTest {

    private static String startFailure(String... settings) {
        String[] args = new String[settings.length + 4];
        args[0] = "--server.port=0";
        args[1] = "--spring.datasource.url=jdbc:h2:mem:tjk-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        args[2] = "--sus.certificate-login.enabled=true";
        args[3] = "--sus.certificate-login.port=0";
        System.arraycopy(settings, 0, args, 4, settings.length);
        StringBuilder messages = new StringBuilder();
        assertThatThrownBy(() -> new SpringApplicationBuilder(SusInloggningApplication.class).profiles("test")
                .run(args).close()).satisfies(e -> {
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        messages.append(t.getMessage()).append('\n');
                    }
                });
        return messages.toString();
    }

    @Test
    void startWhenEnabledWithoutIssuersThenFailsNamingTheSetting() {
        assertThat(startFailure()).contains("sus.certificate-login.issuers");
    }

    /** A complete FK issuer and server key store, except what {@code overrides} changes. */
    private static String startFailureWithFkIssuer(String caCertificates, String... overrides) {
        TestPki pki = TestPki.get();
        String[] settings = new String[5 + overrides.length];
        settings[0] = "--sus.certificate-login.server.key-store=file:" + pki.directory.resolve("server.p12");
        settings[1] = "--sus.certificate-login.server.key-store-password=" + TestPki.PASSWORD;
        settings[2] = "--sus.certificate-login.issuers.fk.display-name=Försäkringskassan";
        settings[3] = "--sus.certificate-login.issuers.fk.login-method=TJANSTEKORT_FK";
        settings[4] = "--sus.certificate-login.issuers.fk.ca-certificates=" + caCertificates;
        System.arraycopy(overrides, 0, settings, 5, overrides.length);
        return startFailure(settings);
    }

    @Test
    void startWhenCaFileMissingThenFailsNamingTheIssuersSetting() {
        assertThat(startFailureWithFkIssuer("file:/nonexistent/fk-ca.pem"))
                .contains("sus.certificate-login.issuers.fk.ca-certificates");
    }

    @Test
    void startWhenCaListLacksItsRootThenFailsNamingTheIssuersSetting() {
        assertThat(startFailureWithFkIssuer("file:" + TestPki.get().directory.resolve("fk-ca.pem")))
                .contains("sus.certificate-login.issuers.fk.ca-certificates", "root");
    }

    @Test
    void startWhenProxyAddressIsNoAddressThenFailsNamingTheSetting() {
        assertThat(startFailureWithFkIssuer("file:" + TestPki.get().directory.resolve("root.pem"),
                "--sus.certificate-login.proxy.trusted-addresses=proxy.example"))
                .contains("sus.certificate-login.proxy.trusted-addresses");
    }
}
