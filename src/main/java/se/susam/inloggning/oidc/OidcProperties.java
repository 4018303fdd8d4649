package se.susam.inloggning.oidc;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sus.oidc.*}
 *
 * @param issuer                    the provider's issuer URL ({@code iss}); unset, each request's own
 *                                  address is used (only behind a proxy that passes the host on)
 * @param keyEncryptionKey          Base64 key, at least 32 bytes, sealing the signing keys in the
 *                                  database; the same on every node
 * @param authorizationCodeValidity how long an authorization code is valid; at most 60 s
 * @param accessTokenValidity       how long an access token (for UserInfo) is valid
 * @param refreshTokenValidity      how long a refresh token is valid; each use gives a new one
 * @param signingKeys               when signing keys rotate
 * @param backchannelLogoutTimeout  connect and answer timeout of one back-channel logout call
 * @param clients                   the relying parties, by any name
 */
@Validated
@ConfigurationProperties("sus.oidc")
record OidcProperties(URI issuer,
                      @NotBlank(message = "set sus.oidc.key-encryption-key to a Base64 key of at least 32 bytes")
                      String keyEncryptionKey,
                      @DefaultValue("60s") @NotNull Duration authorizationCodeValidity,
                      @DefaultValue("5m") @NotNull Duration accessTokenValidity,
                      @DefaultValue("12h") @NotNull Duration refreshTokenValidity,
                      @DefaultValue @Valid SigningKeys signingKeys,
                      @DefaultValue("10s") @NotNull Duration backchannelLogoutTimeout,
                      @DefaultValue Map<String, @Valid Client> clients) {

    /** The scope that releases the personnummer (Swedish eID framework, OIDC claims and scopes §3.2). */
    static final String NATURAL_PERSON_NUMBER_SCOPE = "https://id.oidc.se/scope/naturalPersonNumber";
    /** The scope that releases the person's SUS organisations and roles. */
    static final String SUS_SCOPE = "https://susam.se/scope/behorigheter";

    @AssertTrue(message = "sus.oidc.key-encryption-key must be Base64 of at least 32 bytes")
    boolean isKeyEncryptionKeyStrong() {
        try {
            return keyEncryptionKey == null || Base64.getDecoder().decode(keyEncryptionKey).length >= 32;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** RFC 9700 §4.1.2 (OAuth 2.0 Security BCP) recommends short-lived codes; we keep them to a minute. */
    @AssertTrue(message = "sus.oidc.authorization-code-validity must be between 1 s and 60 s")
    boolean isAuthorizationCodeValidityShort() {
        return authorizationCodeValidity == null || !authorizationCodeValidity.isNegative()
                && !authorizationCodeValidity.isZero() && authorizationCodeValidity.compareTo(Duration.ofSeconds(60)) <= 0;
    }

    byte[] keyEncryptionKeyBytes() {
        return Base64.getDecoder().decode(keyEncryptionKey);
    }

    /**
     * {@code sus.oidc.signing-keys.*}
     *
     * @param rotationInterval a new key is made when the newest is this old
     * @param activationDelay  a new key is published this long before it signs, so relying parties
     *                         that cache the key set have it when the first token signed with it comes
     * @param retention        a replaced key stays published this long, for tokens it signed
     */
    record SigningKeys(@DefaultValue("30d") @NotNull Duration rotationInterval,
                       @DefaultValue("1h") @NotNull Duration activationDelay,
                       @DefaultValue("1d") @NotNull Duration retention) {
    }

    /** How a relying party authenticates at the token endpoint. */
    enum ClientAuthentication { PRIVATE_KEY_JWT, CLIENT_SECRET_BASIC }

    /**
     * {@code sus.oidc.clients.<name>.*}
     *
     * @param clientId               the {@code client_id}
     * @param name                   shown to people (audit, errors)
     * @param authentication         {@code private-key-jwt} (needs {@code jwks-uri}) or
     *                               {@code client-secret-basic} (needs {@code client-secret})
     * @param jwksUri                where the relying party publishes its public keys
     * @param clientSecret           the secret as a Spring Security password hash with its
     *                               {@code {id}} prefix, e.g. {@code {bcrypt}$2a$10$…}
     * @param redirectUris           exact redirect URIs, compared character by character
     * @param postLogoutRedirectUris where RP-initiated logout may return to
     * @param backchannelLogoutUri   where logout tokens are posted when a session it reached ends
     * @param scopes                 the scopes it may ask for
     */
    record Client(@NotBlank String clientId,
                  @NotBlank String name,
                  @NotNull ClientAuthentication authentication,
                  URI jwksUri,
                  String clientSecret,
                  @NotEmpty List<URI> redirectUris,
                  @DefaultValue List<URI> postLogoutRedirectUris,
                  URI backchannelLogoutUri,
                  @DefaultValue({"openid", "profile", NATURAL_PERSON_NUMBER_SCOPE, SUS_SCOPE}) Set<String> scopes) {

        @AssertTrue(message = "private-key-jwt needs jwks-uri; client-secret-basic needs client-secret as a "
                + "password hash such as {bcrypt}$2a$10$...")
        boolean isAuthenticationConfigured() {
            if (authentication == null) {
                return true;
            }
            return switch (authentication) {
                case PRIVATE_KEY_JWT -> jwksUri != null;
                case CLIENT_SECRET_BASIC -> clientSecret != null && clientSecret.matches("\\{[a-z0-9@_]+}.+")
                        && !clientSecret.startsWith("{noop}");
            };
        }

        /** OAuth 2.0 Security BCP (RFC 9700 §2.1): HTTPS redirects, except to this machine. */
        @AssertTrue(message = "redirect-uris, post-logout-redirect-uris and backchannel-logout-uri must be https "
                + "(http only for localhost) and without a fragment")
        boolean isEveryUriSafe() {
            List<URI> all = new java.util.ArrayList<>();
            if (redirectUris != null) {
                all.addAll(redirectUris);
            }
            if (postLogoutRedirectUris != null) {
                all.addAll(postLogoutRedirectUris);
            }
            if (backchannelLogoutUri != null) {
                all.add(backchannelLogoutUri);
            }
            return all.stream().allMatch(Client::safe);
        }

        private static boolean safe(URI uri) {
            return uri.getFragment() == null && uri.getHost() != null && ("https".equals(uri.getScheme())
                    || "http".equals(uri.getScheme()) && List.of("localhost", "127.0.0.1").contains(uri.getHost()));
        }
    }
}
