package se.susam.inloggning.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import se.susam.inloggning.testsupport.TestRegistry.SmsUser;
import se.susam.inloggning.testsupport.WebClient;

/**
 * At DEBUG, neither the provider (tokens, UserInfo) nor an e-ID login through a broker puts a full
 * personnummer, a token or signing key material in the log (SPEC §4).
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {"logging.level.se.susam=DEBUG", "logging.level.org.springframework.web=DEBUG",
        "logging.level.org.springframework.security=DEBUG"})
class OidcLogHygieneTest extends RelyingPartyTestSupport {

    @Test
    void flowWhenLoggedAtDebugThenNoPersonnummerTokensOrKeysInTheLog(CapturedOutput output) throws Exception {
        SmsUser user = registry.smsUser(PASSWORD);
        Completed completed = authorize(user, BASIC);
        var tokens = tokens(completed).getOIDCTokens();
        new UserInfoRequest(provider.getUserInfoEndpointURI(), (BearerAccessToken) tokens.getAccessToken())
                .toHTTPRequest().send();

        WebClient browser = browser();
        URI atBroker = URI.create(browser.get("/login/e-legitimation/telia").location());
        BROKER.enqueueCallback(new DefaultOAuth2TokenCallback("telia", "x", "JWT", null,
                Map.of("https://id.oidc.se/claim/personalIdentityNumber", user.personnummer()), 60));
        HttpResponse<String> back = HttpClient.newHttpClient().send(HttpRequest.newBuilder(atBroker).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(browser.get(pathAndQuery(URI.create(back.headers().firstValue("Location").orElseThrow())))
                .redirectsTo("/sus")).isTrue();

        String log = output.getAll();
        assertThat(log).as("request logging was captured").contains("/oauth2/token");
        assertThat(log).doesNotContain(user.personnummer())
                .doesNotContain(user.personnummer().substring(2))
                .doesNotContain(tokens.getIDToken().getParsedString())
                .doesNotContain(tokens.getAccessToken().getValue())
                .doesNotContain(tokens.getRefreshToken().getValue())
                .doesNotContain("\"d\":");
    }
}
