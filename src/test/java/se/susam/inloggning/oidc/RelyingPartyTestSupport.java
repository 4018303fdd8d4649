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
 * Two relying parties registered for the provider tests (one authenticating with a client secret,
 * one with a private key JWT, both with back-channel logout), and the steps of a flow as an
 * independent client library (Nimbus OAuth 2.0 SDK) takes them. Test classes extending it share
 * one application context.
 */
@DatabaseTest
abstract class RelyingPartyTestSupport {

    static final String BASIC = "test-basic";
    static final String JWT_CLIENT = "test-jwt";
    static final Scope ALL = new Scope("openid", "profile", "https://id.oidc.se/scope/naturalPersonNumber",
            "https://susam.se/scope/behorigheter");
    static final String PASSWORD = "Kaxe4Rpt";

    /** An e-ID broker (NAV's mock-oauth2-server) as "telia", so step-up to LoA3 has a method to go to. */
    static final no.nav.security.mock.oauth2.MockOAuth2Server BROKER = startedBroker();

    private static no.nav.security.mock.oauth2.MockOAuth2Server startedBroker() {
        var server = new no.nav.security.mock.oauth2.MockOAuth2Server();
        server.start();
        return server;
    }

    @DynamicPropertySource
    static void relyingParties(DynamicPropertyRegistry properties) {
        se.susam.inloggning.testsupport.Brokers.register(properties, "telia", "Telia", BROKER.issuerUrl("telia").toString());
        properties.add("sus.oidc.clients.basic.client-id", () -> BASIC);
        properties.add("sus.oidc.clients.basic.name", () -> "Test RP (secret)");
        properties.add("sus.oidc.clients.basic.authentication", () -> "client-secret-basic");
        properties.add("sus.oidc.clients.basic.client-secret", () -> TestRelyingParty.SECRET_HASH);
        properties.add("sus.oidc.clients.basic.redirect-uris", () -> TestRelyingParty.REDIRECT.toString());
        properties.add("sus.oidc.clients.basic.post-logout-redirect-uris", () -> TestRelyingParty.LOGGED_OUT.toString());
        properties.add("sus.oidc.clients.basic.backchannel-logout-uri", TestRelyingParty::backchannelUri);
        properties.add("sus.oidc.clients.jwt.client-id", () -> JWT_CLIENT);
        properties.add("sus.oidc.clients.jwt.name", () -> "Test RP (private key)");
        properties.add("sus.oidc.clients.jwt.authentication", () -> "private-key-jwt");
        properties.add("sus.oidc.clients.jwt.jwks-uri", TestRelyingParty::jwksUri);
        properties.add("sus.oidc.clients.jwt.redirect-uris", () -> TestRelyingParty.REDIRECT.toString());
        properties.add("sus.oidc.clients.jwt.backchannel-logout-uri", TestRelyingParty::backchannelUri);
    }

    @LocalServerPort
    int port;

    @Autowired
    TestRegistry registry;

    @Autowired
    JdbcClient jdbc;

    OIDCProviderMetadata provider;

    @BeforeEach
    void discover() {
        provider = TestRelyingParty.discover(base());
    }

    String base() {
        return "http://localhost:" + port;
    }

    WebClient browser() {
        return new WebClient(base());
    }

    /** Sends the browser to the authorization endpoint, logs in by SMS and returns the redirect to the client. */
    static Page loginThroughSms(WebClient browser, URI authorizationRequest, SmsUser user) {
        Page toLogin = browser.get(pathAndQuery(authorizationRequest));
        assertThat(toLogin.redirectsTo("/login")).as("anonymous: to the login chooser").isTrue();
        browser.get("/login/sms");
        browser.post("/login/sms", "personnummer", user.personnummer(), "password", user.masterPassword());
        browser.get("/login/sms/kod");
        Page done = browser.post("/login/sms/kod", "code", browser.latestCodeSentTo(user.mobile().e164()));
        assertThat(done.location()).as("login continues to the authorization request")
                .endsWith(pathAndQuery(authorizationRequest));
        return browser.get(pathAndQuery(authorizationRequest));
    }

    static String pathAndQuery(URI uri) {
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    static AuthenticationSuccessResponse success(Page page) {
        try {
            AuthenticationResponse response = AuthenticationResponseParser.parse(URI.create(page.location()));
            assertThat(response.indicatesSuccess()).as("success response: " + page.location()).isTrue();
            return response.toSuccessResponse();
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw new AssertionError(e);
        }
    }

    static AuthenticationErrorResponse error(Page page) {
        try {
            AuthenticationResponse response = AuthenticationResponseParser.parse(URI.create(page.location()));
            assertThat(response.indicatesSuccess()).isFalse();
            return response.toErrorResponse();
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw new AssertionError(e);
        }
    }

    record Completed(Attempt attempt, AuthenticationSuccessResponse response, WebClient browser) {
        String code() {
            return response.getAuthorizationCode().getValue();
        }
    }

    Completed authorize(SmsUser user, String clientId) {
        WebClient browser = browser();
        Attempt attempt = TestRelyingParty.authorizationRequest(provider, clientId, ALL, b -> { });
        return new Completed(attempt, success(loginThroughSms(browser, attempt.requestUri(), user)), browser);
    }

    OIDCTokenResponse tokens(Completed completed) {
        TokenResponse response = TestRelyingParty.exchange(provider, TestRelyingParty.secretBasic(BASIC),
                completed.code(), completed.attempt().verifier());
        assertThat(response.indicatesSuccess()).as(describe(response)).isTrue();
        return (OIDCTokenResponse) response.toSuccessResponse();
    }

    static String describe(TokenResponse response) {
        return response instanceof TokenErrorResponse error ? error.getErrorObject().toJSONObject().toString() : "ok";
    }
}
