package se.susam.inloggning.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.susam.inloggning.oidc.TestRelyingParty.Attempt;
import se.susam.inloggning.testsupport.DatabaseTest;
import se.susam.inloggning.testsupport.TestRegistry;
import se.susam.inloggning.testsupport.TestRegistry.SmsUser;
import se.susam.inloggning.testsupport.WebClient;
import se.susam.inloggning.testsupport.WebClient.Page;

/**
 * The authorization code flow as an independent relying party (Nimbus OAuth 2.0 SDK) sees it:
 * discovery, login through SMS-inloggning, code, tokens, signature, nonce, state, PKCE, redirect URIs,
 * single-use short-lived codes, UserInfo and rotated refresh tokens.
 */
class AuthorizationCodeFlowTest extends RelyingPartyTestSupport {

    @Test
    void discoveryWhenFetchedThenNamesEndpointsS256AndTheSwedishClaims() {
        assertThat(provider.getIssuer().getValue()).isEqualTo(base());
        assertThat(provider.getCodeChallengeMethods()).extracting(Object::toString).containsExactly("S256");
        assertThat(provider.getTokenEndpointAuthMethods()).extracting(Object::toString)
                .containsExactlyInAnyOrder("private_key_jwt", "client_secret_basic");
        assertThat(provider.getACRs()).extracting(Object::toString)
                .contains("http://id.swedenconnect.se/loa/1.0/uncertified-loa2", "http://id.elegnamnden.se/loa/1.0/loa3");
        assertThat(provider.getClaims()).contains("https://id.oidc.se/claim/personalIdentityNumber", "acr", "amr");
        assertThat(provider.supportsBackChannelLogout()).isTrue();
        assertThat(provider.supportsBackChannelLogoutSession()).isTrue();
        assertThat(provider.getUserInfoEndpointURI()).isNotNull();
        assertThat(provider.getEndSessionEndpointURI()).isNotNull();
    }

    @Test
    void flowWhenCompletedThenStateReturnedAndIdTokenSignedWithNonceAndClaims() throws Exception {
        SmsUser user = registry.smsUser(PASSWORD);
        Completed completed = authorize(user, BASIC);
        assertThat(completed.response().getState()).isEqualTo(completed.attempt().state());
        OIDCTokenResponse tokens = tokens(completed);

        IDTokenClaimsSet claims = TestRelyingParty.idTokenValidator(provider, BASIC)
                .validate(tokens.getOIDCTokens().getIDToken(), completed.attempt().nonce());

        assertThat(claims.getSubject().getValue()).isNotEqualTo(user.personnummer()).doesNotContain(user.personnummer());
        assertThat(claims.getStringClaim("https://id.oidc.se/claim/personalIdentityNumber")).isEqualTo(user.personnummer());
        assertThat(claims.getStringClaim("name")).isEqualTo("Test Person");
        assertThat(claims.getStringClaim("given_name")).isEqualTo("Test");
        assertThat(claims.getACR().getValue()).isEqualTo("http://id.swedenconnect.se/loa/1.0/uncertified-loa2");
        assertThat(claims.getAMR()).extracting(Object::toString).containsExactly("pwd", "sms", "mfa");
        assertThat(claims.getAuthenticationTime()).isBetween(
                java.util.Date.from(Instant.now().minusSeconds(60)), java.util.Date.from(Instant.now().plusSeconds(1)));
        assertThat(claims.getStringClaim("sid")).isNotBlank();
        assertThat(claims.getStringListClaim("https://susam.se/claim/roles")).containsExactly("INSATSANSVARIG");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> organisations =
                (List<Map<String, Object>>) claims.getClaim("https://susam.se/claim/organisations");
        assertThat(organisations).singleElement().satisfies(org -> {
            assertThat(org.get("name")).asString().startsWith("Testkommun");
            assertThat(org.get("roles")).isEqualTo(List.of("INSATSANSVARIG"));
        });
    }

    @Test
    void subjectWhenSamePersonLogsInAgainThenSame() throws Exception {
        SmsUser user = registry.smsUser(PASSWORD);
        var validator = TestRelyingParty.idTokenValidator(provider, BASIC);
        Completed first = authorize(user, BASIC);
        Completed second = authorize(user, BASIC);
        String sub1 = validator.validate(tokens(first).getOIDCTokens().getIDToken(), first.attempt().nonce())
                .getSubject().getValue();
        String sub2 = validator.validate(tokens(second).getOIDCTokens().getIDToken(), second.attempt().nonce())
                .getSubject().getValue();
        assertThat(sub2).isEqualTo(sub1);
    }

    @Test
    void idTokenWhenNonceDiffersOrSignatureTamperedThenRejectedByTheClientLibrary() {
        Completed completed = authorize(registry.smsUser(PASSWORD), BASIC);
        JWT idToken = tokens(completed).getOIDCTokens().getIDToken();
        var validator = TestRelyingParty.idTokenValidator(provider, BASIC);
        assertThatThrownBy(() -> validator.validate(idToken, new Nonce())).hasMessageContaining("nonce");
        String[] parts = idToken.getParsedString().split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + (parts[2].startsWith("A") ? "B" : "A") + parts[2].substring(1);
        assertThatThrownBy(() -> validator.validate(JWTParser.parse(tampered), completed.attempt().nonce()))
                .hasMessageContaining("signature");
    }

    @Test
    void tokenWhenClientAuthenticatesWithPrivateKeyJwtThenIssued() throws Exception {
        Completed completed = authorize(registry.smsUser(PASSWORD), JWT_CLIENT);
        TokenResponse response = TestRelyingParty.exchange(provider,
                TestRelyingParty.privateKeyJwt(JWT_CLIENT, provider), completed.code(), completed.attempt().verifier());
        assertThat(response.indicatesSuccess()).as(describe(response)).isTrue();
        TestRelyingParty.idTokenValidator(provider, JWT_CLIENT).validate(
                ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens().getIDToken(),
                completed.attempt().nonce());
    }

    @Test
    void tokenWhenClientSecretWrongThenInvalidClient() {
        Completed completed = authorize(registry.smsUser(PASSWORD), BASIC);
        TokenResponse response = TestRelyingParty.exchange(provider,
                new com.nimbusds.oauth2.sdk.auth.ClientSecretBasic(new com.nimbusds.oauth2.sdk.id.ClientID(BASIC),
                        new com.nimbusds.oauth2.sdk.auth.Secret("wrong-secret")),
                completed.code(), completed.attempt().verifier());
        assertThat(((TokenErrorResponse) response).getErrorObject().getCode()).isEqualTo("invalid_client");
    }

    @Test
    void tokenWhenCodeVerifierWrongThenInvalidGrant() {
        Completed completed = authorize(registry.smsUser(PASSWORD), BASIC);
        TokenResponse response = TestRelyingParty.exchange(provider, TestRelyingParty.secretBasic(BASIC),
                completed.code(), new CodeVerifier());
        assertThat(((TokenErrorResponse) response).getErrorObject().getCode()).isEqualTo("invalid_grant");
    }

    @Test
    void authorizeWhenNoCodeChallengeThenErrorToClientWithoutLogin() {
        WebClient browser = browser();
        URI request = URI.create(provider.getAuthorizationEndpointURI() + "?response_type=code&client_id=" + BASIC
                + "&scope=openid&state=s1&nonce=n1&redirect_uri=" + TestRelyingParty.REDIRECT);
        AuthenticationErrorResponse error = error(browser.get(pathAndQuery(request)));
        assertThat(error.getErrorObject().getCode()).isEqualTo("invalid_request");
        assertThat(error.getState().getValue()).isEqualTo("s1");
    }

    @Test
    void authorizeWhenPlainCodeChallengeThenErrorToClient() {
        URI request = URI.create(provider.getAuthorizationEndpointURI() + "?response_type=code&client_id=" + BASIC
                + "&scope=openid&state=s2&redirect_uri=" + TestRelyingParty.REDIRECT
                + "&code_challenge=abcdefghijklmnopqrstuvwxyzabcdefghijklmnopq&code_challenge_method=plain");
        assertThat(error(browser().get(pathAndQuery(request))).getErrorObject().getCode()).isEqualTo("invalid_request");
    }

    @Test
    void authorizeWhenRedirectUriNotRegisteredThenErrorPageAndNoRedirect() {
        Attempt attempt = TestRelyingParty.authorizationRequest(provider, BASIC, ALL,
                b -> b.redirectionURI(URI.create("https://rp.test/callback/other")));
        Page page = browser().get(pathAndQuery(attempt.requestUri()));
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.location()).isNull();
        assertThat(page.text()).contains("OIDC-001", "felaktig inloggningsbegäran");
    }

    @Test
    void authorizeWhenClientUnknownThenErrorPage() {
        Attempt attempt = TestRelyingParty.authorizationRequest(provider, "no-such-client", ALL, b -> { });
        Page page = browser().get(pathAndQuery(attempt.requestUri()));
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text()).contains("OIDC-001");
    }

    @Test
    void tokenWhenRedirectUriDiffersFromTheAuthorizationRequestThenInvalidGrant() {
        Completed completed = authorize(registry.smsUser(PASSWORD), BASIC);
        TokenResponse response = TestRelyingParty.token(provider, TestRelyingParty.secretBasic(BASIC),
                new AuthorizationCodeGrant(new AuthorizationCode(completed.code()), URI.create("https://rp.test/other"),
                        completed.attempt().verifier()));
        assertThat(((TokenErrorResponse) response).getErrorObject().getCode()).isEqualTo("invalid_grant");
    }

    @Test
    void codeWhenReplayedThenInvalidGrantAndTokensFromItRevoked() throws Exception {
        Completed completed = authorize(registry.smsUser(PASSWORD), BASIC);
        OIDCTokenResponse first = tokens(completed);
        TokenResponse replay = TestRelyingParty.exchange(provider, TestRelyingParty.secretBasic(BASIC),
                completed.code(), completed.attempt().verifier());
        assertThat(((TokenErrorResponse) replay).getErrorObject().getCode()).isEqualTo("invalid_grant");
        UserInfoResponse userInfo = UserInfoResponse.parse(new UserInfoRequest(provider.getUserInfoEndpointURI(),
                (BearerAccessToken) first.getOIDCTokens().getAccessToken()).toHTTPRequest().send());
        assertThat(userInfo.indicatesSuccess()).as("RFC 6749 §4.1.2: tokens from a replayed code are revoked").isFalse();
    }

    @Test
    void codeWhenIssuedThenValidSixtySecondsAtMost() {
        Completed completed = authorize(registry.smsUser(PASSWORD), BASIC);
        var row = jdbc.sql("""
                SELECT authorization_code_issued_at, authorization_code_expires_at FROM oauth2_authorization
                WHERE state IS NULL AND authorization_code_value = :code""")
                .param("code", completed.code())
                .query((rs, i) -> Duration.between(rs.getObject(1, OffsetDateTime.class), rs.getObject(2, OffsetDateTime.class)))
                .single();
        assertThat(row).isLessThanOrEqualTo(Duration.ofSeconds(60)).isPositive();
    }

    @Test
    void codeWhenExpiredThenInvalidGrant() {
        Completed completed = authorize(registry.smsUser(PASSWORD), BASIC);
        jdbc.sql("""
                UPDATE oauth2_authorization SET authorization_code_issued_at = :issued, authorization_code_expires_at = :expired
                WHERE authorization_code_value = :code""")
                .param("issued", OffsetDateTime.now().minusSeconds(61)).param("expired", OffsetDateTime.now().minusSeconds(1))
                .param("code", completed.code()).update();
        TokenResponse response = TestRelyingParty.exchange(provider, TestRelyingParty.secretBasic(BASIC),
                completed.code(), completed.attempt().verifier());
        assertThat(((TokenErrorResponse) response).getErrorObject().getCode()).isEqualTo("invalid_grant");
    }

    @Test
    void userInfoWhenCalledWithTheAccessTokenThenSameClaimsAsTheIdToken() throws Exception {
        SmsUser user = registry.smsUser(PASSWORD);
        Completed completed = authorize(user, BASIC);
        OIDCTokenResponse tokens = tokens(completed);
        UserInfoResponse response = UserInfoResponse.parse(new UserInfoRequest(provider.getUserInfoEndpointURI(),
                (BearerAccessToken) tokens.getOIDCTokens().getAccessToken()).toHTTPRequest().send());
        assertThat(response.indicatesSuccess()).isTrue();
        var info = response.toSuccessResponse().getUserInfo();
        assertThat(info.getSubject().getValue())
                .isEqualTo(tokens.getOIDCTokens().getIDToken().getJWTClaimsSet().getSubject());
        assertThat(info.getStringClaim("https://id.oidc.se/claim/personalIdentityNumber")).isEqualTo(user.personnummer());
        assertThat(info.getName()).isEqualTo("Test Person");
    }

    @Test
    void refreshTokenWhenUsedThenReplacedAndTheOldOneRefused() {
        Completed completed = authorize(registry.smsUser(PASSWORD), BASIC);
        OIDCTokenResponse tokens = tokens(completed);
        var refresh = tokens.getOIDCTokens().getRefreshToken();
        assertThat(refresh).isNotNull();
        TokenResponse renewed = TestRelyingParty.token(provider, TestRelyingParty.secretBasic(BASIC),
                new RefreshTokenGrant(refresh));
        assertThat(renewed.indicatesSuccess()).as(describe(renewed)).isTrue();
        var newRefresh = renewed.toSuccessResponse().getTokens().getRefreshToken();
        assertThat(newRefresh).isNotNull().isNotEqualTo(refresh);
        TokenResponse reused = TestRelyingParty.token(provider, TestRelyingParty.secretBasic(BASIC),
                new RefreshTokenGrant(refresh));
        assertThat(((TokenErrorResponse) reused).getErrorObject().getCode()).isEqualTo("invalid_grant");
    }
}
