package se.susam.inloggning.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.LogoutTokenValidator;
import org.junit.jupiter.api.Test;

import se.susam.inloggning.testsupport.TestRegistry.SmsUser;
import se.susam.inloggning.testsupport.WebClient;
import se.susam.inloggning.testsupport.WebClient.Page;

/**
 * RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0) and back-channel logout
 * (OpenID Connect Back-Channel Logout 1.0) to every relying party the session reached, checked with
 * Nimbus's logout token validator.
 */
class LogoutTest extends RelyingPartyTestSupport {

    private LogoutTokenClaimsSet awaitLogoutToken(String clientId, String sid) throws Exception {
        LogoutTokenValidator validator = new LogoutTokenValidator(provider.getIssuer(), new ClientID(clientId),
                JWSAlgorithm.RS256, provider.getJWKSetURI().toURL(), null);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            for (String token : TestRelyingParty.logoutTokens()) {
                JWT jwt = JWTParser.parse(token);
                if (jwt.getJWTClaimsSet().getAudience().contains(clientId) && sid.equals(jwt.getJWTClaimsSet().getClaim("sid"))) {
                    return validator.validate(jwt);
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no logout token for " + clientId + " and sid " + sid);
    }

    private IDTokenClaimsSet idToken(Completed completed, String clientId, com.nimbusds.oauth2.sdk.auth.ClientAuthentication auth)
            throws Exception {
        var response = TestRelyingParty.exchange(provider, auth, completed.code(), completed.attempt().verifier());
        assertThat(response.indicatesSuccess()).as(describe(response)).isTrue();
        JWT idToken = ((com.nimbusds.openid.connect.sdk.OIDCTokenResponse) response.toSuccessResponse())
                .getOIDCTokens().getIDToken();
        return TestRelyingParty.idTokenValidator(provider, clientId).validate(idToken, completed.attempt().nonce());
    }

    @Test
    void logoutWhenRequestedByTheRelyingPartyThenSessionEndedReturnedWithStateAndEveryRelyingPartyTold()
            throws Exception {
        SmsUser user = registry.smsUser(PASSWORD);
        Completed first = authorize(user, BASIC);
        var firstResponse = TestRelyingParty.exchange(provider, TestRelyingParty.secretBasic(BASIC), first.code(),
                first.attempt().verifier());
        JWT idTokenHint = ((com.nimbusds.openid.connect.sdk.OIDCTokenResponse) firstResponse.toSuccessResponse())
                .getOIDCTokens().getIDToken();
        String sid = (String) idTokenHint.getJWTClaimsSet().getClaim("sid");
        WebClient browser = first.browser();
        var second = TestRelyingParty.authorizationRequest(provider, JWT_CLIENT, ALL, b -> { });
        Page secondCode = browser.get(pathAndQuery(second.requestUri()));
        IDTokenClaimsSet secondToken = idToken(new Completed(second, success(secondCode), browser), JWT_CLIENT,
                TestRelyingParty.privateKeyJwt(JWT_CLIENT, provider));
        assertThat(secondToken.getStringClaim("sid")).as("single sign-on: same session").isEqualTo(sid);

        State state = new State();
        URI logout = new LogoutRequest(provider.getEndSessionEndpointURI(), idTokenHint, TestRelyingParty.LOGGED_OUT,
                state).toURI();
        Page page = browser.get(pathAndQuery(logout));

        assertThat(page.location()).isEqualTo(TestRelyingParty.LOGGED_OUT + "?state=" + state.getValue());
        assertThat(browser.get("/sus").redirectsTo("/login")).as("the session is over").isTrue();
        LogoutTokenClaimsSet basic = awaitLogoutToken(BASIC, sid);
        assertThat(basic.getSubject().getValue()).isEqualTo(idTokenHint.getJWTClaimsSet().getSubject());
        assertThat(awaitLogoutToken(JWT_CLIENT, sid).getSubject()).isEqualTo(secondToken.getSubject());
    }

    @Test
    void logoutWhenPersonLogsOutOnTheSiteThenRelyingPartyToldByBackChannel() throws Exception {
        SmsUser user = registry.smsUser(PASSWORD);
        Completed completed = authorize(user, BASIC);
        IDTokenClaimsSet token = idToken(completed, BASIC, TestRelyingParty.secretBasic(BASIC));
        completed.browser().get("/sus");
        assertThat(completed.browser().post("/logout").redirectsTo("/?utloggad")).isTrue();
        LogoutTokenClaimsSet logout = awaitLogoutToken(BASIC, token.getStringClaim("sid"));
        assertThat(logout.getSubject()).isEqualTo(token.getSubject());
        assertThat(logout.getJWTID()).isNotNull();
    }

    /** A new login in the same browser replaces the session, and so ends the one the relying party knew. */
    @Test
    void loginWhenSessionReachedARelyingPartyThenNewLoginTellsItByBackChannel() throws Exception {
        SmsUser user = registry.smsUser(PASSWORD);
        Completed completed = authorize(user, BASIC);
        IDTokenClaimsSet token = idToken(completed, BASIC, TestRelyingParty.secretBasic(BASIC));
        WebClient browser = completed.browser();
        String before = browser.sessionId();

        browser.get("/login/sms");
        browser.post("/login/sms", "personnummer", user.personnummer(), "password", user.masterPassword());
        browser.get("/login/sms/kod");
        assertThat(browser.post("/login/sms/kod", "code", browser.latestCodeSentTo(user.mobile().e164()))
                .redirectsTo("/sus")).isTrue();

        assertThat(browser.sessionId()).isNotEqualTo(before);
        assertThat(awaitLogoutToken(BASIC, token.getStringClaim("sid")).getSubject()).isEqualTo(token.getSubject());
    }

    @org.springframework.beans.factory.annotation.Autowired
    BackChannelLogout backChannelLogout;

    @Test
    void sessionWhenItIdlesOutOfTheStoreThenRelyingPartyToldByBackChannel() throws Exception {
        Completed completed = authorize(registry.smsUser(PASSWORD), BASIC);
        IDTokenClaimsSet token = idToken(completed, BASIC, TestRelyingParty.secretBasic(BASIC));
        jdbc.sql("DELETE FROM spring_session WHERE session_id = :id").param("id", completed.browser().sessionId())
                .update();
        backChannelLogout.endedWithoutNotice();
        assertThat(awaitLogoutToken(BASIC, token.getStringClaim("sid")).getSubject()).isEqualTo(token.getSubject());
    }

    @Test
    void logoutWhenIdTokenHintIsNotOursThenErrorPage() {
        Page page = browser().get("/connect/logout?id_token_hint=eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.&post_logout_redirect_uri="
                + TestRelyingParty.LOGGED_OUT);
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.location()).isNull();
        assertThat(page.text()).contains("OIDC-002", "Utloggningen");
    }

    @Test
    void logoutWhenPostLogoutRedirectUriNotRegisteredThenErrorPageNotThatAddress() throws Exception {
        Completed completed = authorize(registry.smsUser(PASSWORD), BASIC);
        var response = TestRelyingParty.exchange(provider, TestRelyingParty.secretBasic(BASIC), completed.code(),
                completed.attempt().verifier());
        JWT idTokenHint = ((com.nimbusds.openid.connect.sdk.OIDCTokenResponse) response.toSuccessResponse())
                .getOIDCTokens().getIDToken();
        URI logout = new LogoutRequest(provider.getEndSessionEndpointURI(), idTokenHint,
                URI.create("https://evil.test/"), new State()).toURI();
        Page page = completed.browser().get(pathAndQuery(logout));
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text()).contains("OIDC-002");
    }
}
