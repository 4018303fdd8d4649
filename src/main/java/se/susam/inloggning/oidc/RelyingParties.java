package se.susam.inloggning.oidc;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The relying parties from {@code sus.oidc.clients}, as the authorization server sees them. The
 * same configuration on every node gives the same clients. Every client must use PKCE with S256
 * (RFC 9700 §2.1.1), gets single-use codes valid at most 60 s, signed access tokens, and refresh
 * tokens that are replaced at each use (RFC 9700 §4.14.2, refresh token rotation).
 */
final class RelyingParties {

    private final List<OidcProperties.Client> clients;
    private final RegisteredClientRepository repository;

    RelyingParties(OidcProperties properties) {
        this.clients = List.copyOf(properties.clients().values());
        this.repository = clients.isEmpty() ? new NoClients()
                : new InMemoryRegisteredClientRepository(clients.stream().map(c -> registered(c, properties)).toList());
    }

    RegisteredClientRepository repository() {
        return repository;
    }

    /** Where this client wants logout tokens, if it takes them. */
    Optional<URI> backchannelLogoutUri(String clientId) {
        return clients.stream().filter(c -> c.clientId().equals(clientId)).findFirst()
                .map(OidcProperties.Client::backchannelLogoutUri);
    }

    private static RegisteredClient registered(OidcProperties.Client client, OidcProperties properties) {
        RegisteredClient.Builder builder = RegisteredClient.withId(client.clientId())
                .clientId(client.clientId())
                .clientName(client.name())
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(uris -> client.redirectUris().forEach(u -> uris.add(u.toString())))
                .postLogoutRedirectUris(uris -> client.postLogoutRedirectUris().forEach(u -> uris.add(u.toString())))
                .scopes(scopes -> scopes.addAll(client.scopes()))
                .tokenSettings(TokenSettings.builder()
                        .authorizationCodeTimeToLive(properties.authorizationCodeValidity())
                        .accessTokenTimeToLive(properties.accessTokenValidity())
                        .refreshTokenTimeToLive(properties.refreshTokenValidity())
                        .reuseRefreshTokens(false)
                        .idTokenSignatureAlgorithm(SignatureAlgorithm.RS256)
                        .build());
        ClientSettings.Builder settings = ClientSettings.builder().requireProofKey(true)
                .requireAuthorizationConsent(false);
        switch (client.authentication()) {
            case PRIVATE_KEY_JWT -> {
                builder.clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT);
                settings.jwkSetUrl(client.jwksUri().toString())
                        .tokenEndpointAuthenticationSigningAlgorithm(SignatureAlgorithm.RS256);
            }
            case CLIENT_SECRET_BASIC -> builder.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientSecret(client.clientSecret());
        }
        return builder.clientSettings(settings.build()).build();
    }

    /** No relying party configured: every client is unknown. */
    private static final class NoClients implements RegisteredClientRepository {
        @Override
        public void save(RegisteredClient registeredClient) {
            throw new UnsupportedOperationException("relying parties come from sus.oidc.clients");
        }

        @Override
        public RegisteredClient findById(String id) {
            return null;
        }

        @Override
        public RegisteredClient findByClientId(String clientId) {
            return null;
        }
    }
}
