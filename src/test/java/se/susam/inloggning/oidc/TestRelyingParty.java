package se.susam.inloggning.oidc;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import com.sun.net.httpserver.HttpServer;

/**
 * A relying party for tests, built only on Nimbus OAuth 2.0 SDK with OpenID Connect extensions (not
 * on our code): its own RSA key with a JWKS endpoint (for {@code private_key_jwt}), and a
 * back-channel logout endpoint that records the logout tokens it receives.
 */
final class TestRelyingParty {

    static final String SECRET = "test-client-secret-0123456789";
    /** BCrypt of {@link #SECRET}, as the client is registered. */
    static final String SECRET_HASH = "{bcrypt}" + org.springframework.security.crypto.bcrypt.BCrypt
            .hashpw(SECRET, org.springframework.security.crypto.bcrypt.BCrypt.gensalt(4));
    static final URI REDIRECT = URI.create("https://rp.test/callback");
    static final URI LOGGED_OUT = URI.create("https://rp.test/utloggad");

    private static final RSAKey KEY = generate();
    private static final List<String> LOGOUT_TOKENS = new CopyOnWriteArrayList<>();
    private static final HttpServer SERVER = start();

    /** One authorization request's secrets, as the relying party keeps them. */
    record Attempt(State state, Nonce nonce, CodeVerifier verifier, URI requestUri) {
    }

    private TestRelyingParty() {
    }

    static String jwksUri() {
        return "http://localhost:" + SERVER.getAddress().getPort() + "/jwks.json";
    }

    static String backchannelUri() {
        return "http://localhost:" + SERVER.getAddress().getPort() + "/backchannel-logout";
    }

    static List<String> logoutTokens() {
        return LOGOUT_TOKENS;
    }

    static OIDCProviderMetadata discover(String base) {
        try {
            return OIDCProviderMetadata.resolve(new Issuer(base));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Attempt authorizationRequest(OIDCProviderMetadata provider, String clientId, Scope scope,
                                        java.util.function.Consumer<AuthenticationRequest.Builder> extra) {
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        AuthenticationRequest.Builder builder = new AuthenticationRequest.Builder(ResponseType.CODE, scope,
                new ClientID(clientId), REDIRECT)
                .endpointURI(provider.getAuthorizationEndpointURI()).state(state).nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256);
        extra.accept(builder);
        return new Attempt(state, nonce, verifier, builder.build().toURI());
    }

    static ClientAuthentication secretBasic(String clientId) {
        return new ClientSecretBasic(new ClientID(clientId), new Secret(SECRET));
    }

    static ClientAuthentication privateKeyJwt(String clientId, OIDCProviderMetadata provider) {
        try {
            return new PrivateKeyJWT(new ClientID(clientId), provider.getTokenEndpointURI(), JWSAlgorithm.RS256,
                    KEY.toRSAPrivateKey(), KEY.getKeyID(), null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static TokenResponse token(OIDCProviderMetadata provider, ClientAuthentication client, AuthorizationGrant grant) {
        try {
            return OIDCTokenResponseParser.parse(new TokenRequest(provider.getTokenEndpointURI(), client, grant)
                    .toHTTPRequest().send());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static TokenResponse exchange(OIDCProviderMetadata provider, ClientAuthentication client, String code,
                                  CodeVerifier verifier) {
        return token(provider, client, new AuthorizationCodeGrant(new AuthorizationCode(code), REDIRECT, verifier));
    }

    static IDTokenValidator idTokenValidator(OIDCProviderMetadata provider, String clientId) {
        try {
            return new IDTokenValidator(provider.getIssuer(), new ClientID(clientId), JWSAlgorithm.RS256,
                    provider.getJWKSetURI().toURL());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("test-rp-key").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/jwks.json", exchange -> {
                byte[] body = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.createContext("/backchannel-logout", exchange -> {
                String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                for (String pair : form.split("&")) {
                    if (pair.startsWith("logout_token=")) {
                        LOGOUT_TOKENS.add(java.net.URLDecoder.decode(pair.substring(13), StandardCharsets.UTF_8));
                    }
                }
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
