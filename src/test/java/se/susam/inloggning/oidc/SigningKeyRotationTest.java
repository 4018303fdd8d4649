package se.susam.inloggning.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.susam.inloggning.testsupport.DatabaseTest;
import se.susam.inloggning.testsupport.MutableClock;
import se.susam.inloggning.testsupport.WebClient;

/**
 * Signing keys rotate (30 days), a new key is published an hour before it signs, and a replaced key
 * stays published a day for the tokens it signed; the published set never holds private parts.
 */
@DatabaseTest
class SigningKeyRotationTest {

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    SigningKeys keys;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private List<String> publishedKids() throws Exception {
        String json = new WebClient("http://localhost:" + port).get("/oauth2/jwks").body();
        JWKSet set = JWKSet.parse(json);
        assertThat(set.getKeys()).allSatisfy(key -> assertThat(key.isPrivate()).isFalse());
        return set.getKeys().stream().map(JWK::getKeyID).toList();
    }

    @Test
    void keysWhenRotatedThenPublishedBeforeSigningAndKeptAfterReplacement() throws Exception {
        List<String> before = publishedKids();
        String signing = keys.currentKid();
        assertThat(before).contains(signing);

        clock.advance(Duration.ofDays(30).plusMinutes(1));
        List<String> rotated = publishedKids();
        assertThat(rotated).contains(signing).hasSize(before.size() + 1);
        String next = rotated.stream().filter(kid -> !before.contains(kid)).findFirst().orElseThrow();
        assertThat(keys.currentKid()).as("published, not yet signing").isEqualTo(signing);

        clock.advance(Duration.ofHours(1));
        assertThat(keys.currentKid()).isEqualTo(next);
        assertThat(publishedKids()).as("the old key still verifies its tokens").contains(signing, next);

        clock.advance(Duration.ofDays(1));
        assertThat(publishedKids()).containsExactly(next);
    }

    @Test
    void keysWhenStoredThenPrivatePartSealedNotPlain() {
        keys.currentKid();
        List<String> sealed = jdbc.sql("SELECT sealed_private_key FROM oidc_signing_key").query(String.class).list();
        // Quoted, as in a JWK ("kty":"RSA"): quotes never occur in base64, but RSA does, by chance,
        // in about one sealed key in a hundred.
        assertThat(sealed).isNotEmpty()
                .allSatisfy(value -> assertThat(value).doesNotContain("\"d\"", "\"p\"", "\"RSA\""));
        List<String> publicJwks = jdbc.sql("SELECT public_jwk FROM oidc_signing_key").query(String.class).list();
        assertThat(publicJwks).allSatisfy(value -> assertThat(value).doesNotContain("\"d\":"));
    }
}
