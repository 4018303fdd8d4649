package se.susam.inloggning.eleg;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderConfigurationRequest;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import se.susam.inloggning.errors.ErrorCode;
import se.susam.inloggning.errors.SusException;
import se.susam.inloggning.identity.Personnummer;

/**
 * An OpenID Connect relying party towards one kind of e-ID broker, on Nimbus OAuth 2.0 SDK: the
 * authorization code flow with state, nonce and PKCE S256 (RFC 9700 §2.1.1), the broker's issuer
 * checked in the callback (RFC 9207) and the ID token validated (OpenID Connect Core §3.1.3.7).
 * Knows nothing of servlets or sessions. Discovery documents are cached for an hour per provider.
 */
final class BrokerClient {

    private static final Logger log = LoggerFactory.getLogger(BrokerClient.class);
    private static final Duration METADATA_LIFETIME = Duration.ofHours(1);

    /** What the start of a login hands out: the secrets to keep, and where to send the person. */
    record Start(String state, String nonce, String codeVerifier, URI authorizationUri) {
    }

    /** The outcome of the callback. */
    sealed interface Outcome {
        record Proven(Personnummer personnummer, Instant authenticatedAt) implements Outcome {
        }

        record Failed(ErrorCode code, String reason) implements Outcome {
        }
    }

    private record Discovered(OIDCProviderMetadata metadata, IDTokenValidator validator, Instant fetchedAt) {
    }

    private final Clock clock;
    private final Map<String, Discovered> discovered = new ConcurrentHashMap<>();

    BrokerClient(Clock clock) {
        this.clock = clock;
    }

    /** @throws SusException ELEG-001 when the broker cannot be reached */
    Start start(String key, ElegProperties.Provider provider, URI redirectUri) {
        OIDCProviderMetadata metadata = discover(key, provider).metadata();
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        AuthenticationRequest.Builder request = new AuthenticationRequest.Builder(ResponseType.CODE,
                new Scope(provider.scopes().toArray(String[]::new)), new ClientID(provider.clientId()), redirectUri)
                .endpointURI(metadata.getAuthorizationEndpointURI()).state(state).nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256);
        if (!provider.acrValues().isEmpty()) {
            request.acrValues(provider.acrValues().stream().map(ACR::new).toList());
        }
        return new Start(state.getValue(), nonce.getValue(), verifier.getValue(), request.build().toURI());
    }

    /**
     * Turns the broker's answer into a proven personnummer or the reason why not.
     *
     * @param callback the query parameters the broker sent the person back with
     */
    Outcome finish(String key, ElegProperties.Provider provider, Map<String, String> callback, String nonce,
                   String codeVerifier, URI redirectUri) {
        Discovered broker;
        try {
            broker = discover(key, provider);
        } catch (SusException e) {
            return new Outcome.Failed(e.errorCode(), "discovery failed");
        }
        String issuer = callback.get("iss");
        if (issuer != null && !issuer.equals(broker.metadata().getIssuer().getValue())) {
            return new Outcome.Failed(ErrorCode.ELEG_INVALID_RESPONSE, "iss in the callback is another issuer");
        }
        String error = callback.get("error");
        if (error != null) {
            return new Outcome.Failed(switch (error) {
                case "access_denied" -> ErrorCode.ELEG_CANCELLED;
                case "temporarily_unavailable" -> ErrorCode.ELEG_UNAVAILABLE;
                default -> ErrorCode.ELEG_PROVIDER_ERROR;
            }, "broker answered " + error);
        }
        String code = callback.get("code");
        if (code == null || code.isBlank()) {
            return new Outcome.Failed(ErrorCode.ELEG_PROVIDER_ERROR, "no code in the callback");
        }
        OIDCTokenResponse tokens;
        try {
            HTTPRequest request = new TokenRequest(broker.metadata().getTokenEndpointURI(),
                    new ClientSecretBasic(new ClientID(provider.clientId()), new Secret(provider.clientSecret())),
                    new AuthorizationCodeGrant(new AuthorizationCode(code), redirectUri, new CodeVerifier(codeVerifier)))
                    .toHTTPRequest();
            HTTPResponse response = send(request, provider);
            if (response.getStatusCode() >= 500) {
                return new Outcome.Failed(ErrorCode.ELEG_UNAVAILABLE, "token endpoint HTTP " + response.getStatusCode());
            }
            TokenResponse parsed = OIDCTokenResponseParser.parse(response);
            if (!parsed.indicatesSuccess()) {
                ErrorObject tokenError = parsed.toErrorResponse().getErrorObject();
                return new Outcome.Failed(ErrorCode.ELEG_PROVIDER_ERROR, "token endpoint answered "
                        + (tokenError == null ? "an error" : tokenError.getCode()));
            }
            tokens = (OIDCTokenResponse) parsed.toSuccessResponse();
        } catch (IOException e) {
            return new Outcome.Failed(ErrorCode.ELEG_UNAVAILABLE, "token endpoint unreachable: " + e.getClass().getSimpleName());
        } catch (ParseException | ClassCastException e) {
            return new Outcome.Failed(ErrorCode.ELEG_INVALID_RESPONSE, "token response not OpenID Connect");
        }
        IDTokenClaimsSet claims;
        try {
            claims = broker.validator().validate(tokens.getOIDCTokens().getIDToken(), new Nonce(nonce));
        } catch (Exception e) {
            return new Outcome.Failed(ErrorCode.ELEG_INVALID_RESPONSE, "ID token invalid: " + e.getMessage());
        }
        Object value = claims.getClaim(provider.personnummerClaim());
        if (value == null) {
            value = fromUserInfo(broker.metadata(), tokens.getOIDCTokens().getAccessToken(), provider);
        }
        if (!(value instanceof String text) || text.isBlank()) {
            return new Outcome.Failed(ErrorCode.ELEG_PERSONNUMMER_MISSING, "no " + provider.personnummerClaim());
        }
        Personnummer personnummer;
        try {
            personnummer = Personnummer.parse(text, clock);
        } catch (SusException e) {
            return new Outcome.Failed(ErrorCode.ELEG_PERSONNUMMER_INVALID, "personnummer claim " + e.errorCode().code());
        }
        Instant authTime = claims.getAuthenticationTime() != null ? claims.getAuthenticationTime().toInstant()
                : clock.instant();
        return new Outcome.Proven(personnummer, authTime);
    }

    /** Some brokers release the personnummer only from UserInfo (OpenID Connect Core §5.3). */
    private Object fromUserInfo(OIDCProviderMetadata metadata, AccessToken accessToken, ElegProperties.Provider provider) {
        if (metadata.getUserInfoEndpointURI() == null || accessToken == null) {
            return null;
        }
        try {
            UserInfoResponse response = UserInfoResponse.parse(send(
                    new UserInfoRequest(metadata.getUserInfoEndpointURI(), accessToken).toHTTPRequest(), provider));
            return response.indicatesSuccess()
                    ? response.toSuccessResponse().getUserInfo().getClaim(provider.personnummerClaim()) : null;
        } catch (IOException | ParseException e) {
            log.info("UserInfo unavailable: {}", e.getClass().getSimpleName());
            return null;
        }
    }

    private Discovered discover(String key, ElegProperties.Provider provider) {
        Discovered cached = discovered.get(key);
        if (cached != null && cached.fetchedAt().plus(METADATA_LIFETIME).isAfter(clock.instant())) {
            return cached;
        }
        try {
            HTTPResponse response = send(new OIDCProviderConfigurationRequest(new Issuer(provider.issuer()))
                    .toHTTPRequest(), provider);
            if (!response.indicatesSuccess()) {
                throw new IOException("HTTP " + response.getStatusCode());
            }
            OIDCProviderMetadata metadata = OIDCProviderMetadata.parse(response.getBodyAsJSONObject());
            if (!metadata.getIssuer().getValue().equals(provider.issuer().toString())) {
                throw new IOException("issuer in the discovery document is another");
            }
            var retriever = new DefaultResourceRetriever((int) provider.connectTimeout().toMillis(),
                    (int) provider.readTimeout().toMillis());
            IDTokenValidator validator = new IDTokenValidator(metadata.getIssuer(), new ClientID(provider.clientId()),
                    signingAlgorithm(metadata), metadata.getJWKSetURI().toURL(), retriever);
            Discovered fresh = new Discovered(metadata, validator, clock.instant());
            discovered.put(key, fresh);
            return fresh;
        } catch (IOException | ParseException | RuntimeException e) {
            log.warn("E-ID provider {} unavailable: {}", key, e.getMessage());
            throw new SusException(ErrorCode.ELEG_UNAVAILABLE, provider.name());
        }
    }

    /** RS256 (mandatory to implement, OpenID Connect Core §15.1) unless the broker signs otherwise. */
    private static JWSAlgorithm signingAlgorithm(OIDCProviderMetadata metadata) {
        List<JWSAlgorithm> algorithms = metadata.getIDTokenJWSAlgs();
        return algorithms == null || algorithms.isEmpty() || algorithms.contains(JWSAlgorithm.RS256)
                ? JWSAlgorithm.RS256 : algorithms.getFirst();
    }

    private static HTTPResponse send(HTTPRequest request, ElegProperties.Provider provider) throws IOException {
        request.setConnectTimeout((int) provider.connectTimeout().toMillis());
        request.setReadTimeout((int) provider.readTimeout().toMillis());
        return request.send();
    }
}
