package se.susam.inloggning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** A missing or wrong setting stops start-up with a message that names it. */
class ConfigurationValidationTest {

    private static String[] args(String... extra) {
        // A valid BankID RP API (plain http is allowed to loopback only), so that only the setting
        // under test is wrong.
        String[] base = {"--server.port=0", "--spring.datasource.url=jdbc:h2:mem:config-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "--sus.bankid.api-url=http://127.0.0.1:9/rp/v6.0/"};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    private static Throwable startFailure(String profile, String... extra) {
        Throwable[] failure = new Throwable[1];
        assertThatThrownBy(() -> new SpringApplicationBuilder(SusInloggningApplication.class).profiles(profile)
                .run(args(extra)).close()).satisfies(e -> failure[0] = e);
        return failure[0];
    }

    private static String allMessages(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        return text.toString();
    }

    @Test
    void startWhenCodeKeyMissingThenFailsNamingTheSetting() {
        Throwable e = startFailure("test", "--sus.sms-login.code-key=");
        assertThat(allMessages(e)).contains("sus.sms-login.code-key");
    }

    @Test
    void startWhenCodeKeyTooShortThenFailsNamingTheSetting() {
        Throwable e = startFailure("test", "--sus.sms-login.code-key=c2hvcnQ=");
        assertThat(allMessages(e)).contains("sus.sms-login", "code-key", "32 bytes");
    }

    @Test
    void startWhenLockoutAboveNistLimitThenFailsNamingTheSetting() {
        Throwable e = startFailure("test", "--sus.credentials.lockout.permanent-after=101");
        assertThat(allMessages(e)).contains("sus.credentials.lockout.permanent-after");
    }

    @Test
    void startWhenArgon2BelowOwaspMinimumThenFailsNamingTheSetting() {
        Throwable e = startFailure("test", "--sus.credentials.argon2.memory-kib=1024");
        assertThat(allMessages(e)).contains("sus.credentials.argon2.memory-kib");
    }

    @Test
    void startWhenOutboxGatewayOutsideDemoThenRefused() {
        Throwable e = startFailure("production-like", "--sus.sms.gateway=outbox",
                "--sus.sms-login.code-key=dGVzdC1vbmx5LWtleS10ZXN0LW9ubHkta2V5LXRlc3Qtb25seQ==", OIDC_KEY);
        assertThat(allMessages(e)).contains("sus.sms.gateway=outbox", "demo profile");
    }

    @Test
    void startWhenNoSmsGatewayConfiguredThenFailsNamingTheSetting() {
        Throwable e = startFailure("production-like",
                "--sus.sms-login.code-key=dGVzdC1vbmx5LWtleS10ZXN0LW9ubHkta2V5LXRlc3Qtb25seQ==", OIDC_KEY);
        assertThat(allMessages(e)).contains("sus.sms.gateway");
    }

    private static final String OIDC_KEY = "--sus.oidc.key-encryption-key=dGVzdC1vbmx5LW9pZGMta2V5LWVuY3J5cHRpb24ta2V5LTMyYg==";

    @Test
    void startWhenOidcKeyEncryptionKeyMissingThenFailsNamingTheSetting() {
        Throwable e = startFailure("test", "--sus.oidc.key-encryption-key=");
        assertThat(allMessages(e)).contains("sus.oidc.key-encryption-key");
    }

    @Test
    void startWhenAuthorizationCodesLiveLongerThanSixtySecondsThenFailsNamingTheSetting() {
        Throwable e = startFailure("test", "--sus.oidc.authorization-code-validity=61s");
        assertThat(allMessages(e)).contains("sus.oidc.authorization-code-validity", "60 s");
    }

    @Test
    void startWhenClientRedirectUriIsPlainHttpThenFailsNamingTheSetting() {
        Throwable e = startFailure("test", "--sus.oidc.clients.x.client-id=x", "--sus.oidc.clients.x.name=X",
                "--sus.oidc.clients.x.authentication=private-key-jwt", "--sus.oidc.clients.x.jwks-uri=https://x.test/jwks",
                "--sus.oidc.clients.x.redirect-uris=http://x.test/callback");
        assertThat(allMessages(e)).contains("sus.oidc", "clients[x]", "https");
    }

    @Test
    void startWhenClientSecretIsNotAHashThenFailsNamingTheSetting() {
        Throwable e = startFailure("test", "--sus.oidc.clients.x.client-id=x", "--sus.oidc.clients.x.name=X",
                "--sus.oidc.clients.x.authentication=client-secret-basic", "--sus.oidc.clients.x.client-secret=plain",
                "--sus.oidc.clients.x.redirect-uris=https://x.test/callback");
        assertThat(allMessages(e)).contains("sus.oidc", "clients[x]", "client-secret");
    }
}
