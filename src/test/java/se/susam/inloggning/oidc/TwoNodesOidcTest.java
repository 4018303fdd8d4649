package se.susam.inloggning.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import se.susam.inloggning.oidc.TestRelyingParty.Attempt;
import se.susam.inloggning.testsupport.TestNodes;
import se.susam.inloggning.testsupport.TestRegistry;
import se.susam.inloggning.testsupport.WebClient;

/**
 * Two provider nodes on one database behind one issuer: the authorization request, the login, the
 * token request and the refresh each land on whichever node, and both publish the same keys
 * (SPEC §4: "any node can serve any request").
 */
@Tag("database")
class TwoNodesOidcTest {

    private static final String ISSUER = "https://sus-inloggning.test";
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startTwoNodes() {
        String url = TestNodes.sharedDatabaseUrl("two-oidc-nodes");
        nodeA = start(url);
        nodeB = start(url);
    }

    private static ConfigurableApplicationContext start(String url) {
        return TestNodes.start(url, "--sus.oidc.issuer=" + ISSUER,
                "--sus.oidc.clients.rp.client-id=" + RelyingPartyTestSupport.BASIC,
                "--sus.oidc.clients.rp.name=Test RP",
                "--sus.oidc.clients.rp.authentication=client-secret-basic",
                "--sus.oidc.clients.rp.client-secret=" + TestRelyingParty.SECRET_HASH,
                "--sus.oidc.clients.rp.redirect-uris=" + TestRelyingParty.REDIRECT);
    }

    @AfterAll
    static void stopNodes() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
    }

    private static String base(ConfigurableApplicationContext node) {
        return TestNodes.base(node);
    }

    private static TokenResponse token(ConfigurableApplicationContext node,
                                       com.nimbusds.oauth2.sdk.AuthorizationGrant grant) throws Exception {
        return OIDCTokenResponseParser.parse(new TokenRequest(URI.create(base(node) + "/oauth2/token"),
                TestRelyingParty.secretBasic(RelyingPartyTestSupport.BASIC), grant).toHTTPRequest().send());
    }

    @Test
    void flowWhenEachStepLandsOnAnotherNodeThenCompletesWithTheSameKeys() throws Exception {
        TestRegistry registry = new TestRegistry(nodeA.getBean(se.susam.inloggning.access.AccessRegistry.class),
                nodeA.getBean(se.susam.inloggning.credentials.MasterPasswords.class));
        TestRegistry.SmsUser user = registry.smsUser("Kaxe4Rpt");
        WebClient browser = new WebClient(base(nodeA));
        Attempt attempt = TestRelyingParty.authorizationRequest(metadataFor(nodeA), RelyingPartyTestSupport.BASIC,
                RelyingPartyTestSupport.ALL, b -> { });
        String request = RelyingPartyTestSupport.pathAndQuery(attempt.requestUri());
        assertThat(browser.get(request).redirectsTo("/login")).isTrue();
        browser.get("/login/sms");
        browser.post("/login/sms", "personnummer", user.personnummer(), "password", user.masterPassword());
        browser.at(base(nodeB));
        browser.get("/login/sms/kod");
        browser.post("/login/sms/kod", "code", browser.latestCodeSentTo(user.mobile().e164()));
        browser.at(base(nodeA));
        String code = RelyingPartyTestSupport.success(browser.get(request)).getAuthorizationCode().getValue();

        TokenResponse tokens = token(nodeB, new AuthorizationCodeGrant(new AuthorizationCode(code),
                TestRelyingParty.REDIRECT, attempt.verifier()));
        assertThat(tokens.indicatesSuccess()).as(RelyingPartyTestSupport.describe(tokens)).isTrue();
        OIDCTokenResponse oidc = (OIDCTokenResponse) tokens.toSuccessResponse();
        new IDTokenValidator(new Issuer(ISSUER), new ClientID(RelyingPartyTestSupport.BASIC), JWSAlgorithm.RS256,
                new URL(base(nodeA) + "/oauth2/jwks")).validate(oidc.getOIDCTokens().getIDToken(), attempt.nonce());
        assertThat(token(nodeA, new RefreshTokenGrant(oidc.getOIDCTokens().getRefreshToken())).indicatesSuccess())
                .isTrue();
        assertThat(JWKSet.load(new URL(base(nodeA) + "/oauth2/jwks")).toString())
                .isEqualTo(JWKSet.load(new URL(base(nodeB) + "/oauth2/jwks")).toString());
    }

    /** The provider's metadata as node {@code node} serves it (endpoints named under the shared issuer). */
    private static OIDCProviderMetadata metadataFor(ConfigurableApplicationContext node) throws Exception {
        String json = new WebClient(base(node)).get("/.well-known/openid-configuration").body();
        OIDCProviderMetadata metadata = OIDCProviderMetadata.parse(json);
        metadata.setAuthorizationEndpointURI(URI.create(base(node) + "/oauth2/authorize"));
        return metadata;
    }
}
