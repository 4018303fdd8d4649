package se.susam.inloggning.oidc;

import java.time.Clock;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.oidc.web.authentication.OidcLogoutAuthenticationSuccessHandler;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.CompositeLogoutHandler;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;

import se.susam.inloggning.access.AccessGate;
import se.susam.inloggning.login.AssuranceLevel;
import se.susam.inloggning.login.LoginContinuations;
import se.susam.inloggning.login.LoginMethod;
import se.susam.inloggning.login.LoginMethods;
import se.susam.inloggning.login.SessionEndingLogoutHandler;

/**
 * Spring Security's authorization server for the protocol endpoints, in a filter chain of its own
 * ahead of the site's: {@code /.well-known/openid-configuration}, {@code /oauth2/authorize},
 * {@code /oauth2/token}, {@code /oauth2/jwks}, {@code /userinfo}, {@code /connect/logout}. Its
 * state is in the database (authorizations by JDBC, sessions by Spring Session, keys in
 * {@link SigningKeys}); relying parties come from configuration.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuthorizationServerConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerFilterChain(HttpSecurity http, AccessGate gate, Clock clock,
                                                       LoginContinuations continuations, AuthorizationErrors errors,
                                                       SessionEndingLogoutHandler sessionEnding, PersonClaims claims,
                                                       LoginMethods methods) throws Exception {
        AuthorizationRequests requests = new AuthorizationRequests(gate, clock, methods.available());
        OidcLogoutAuthenticationSuccessHandler logoutDone = new OidcLogoutAuthenticationSuccessHandler();
        logoutDone.setLogoutHandler(new CompositeLogoutHandler(sessionEnding, new SecurityContextLogoutHandler()));
        http.oauth2AuthorizationServer(server -> {
                    http.securityMatcher(server.getEndpointsMatcher());
                    server.clientAuthentication(clients -> clients.authenticationConverters(
                                    converters -> converters.addFirst(new ClientAssertionWithoutClientId())))
                            .authorizationEndpoint(endpoint -> endpoint
                                    .authorizationRequestConverters(converters -> converters.replaceAll(requests::converter))
                                    .authenticationProviders(providers -> providers.forEach(provider -> {
                                        if (provider instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider code) {
                                            code.setAuthenticationValidator(
                                                    new OAuth2AuthorizationCodeRequestAuthenticationValidator()
                                                            .andThen(requests.validator()));
                                        }
                                    }))
                                    .errorResponseHandler(errors::authorizationError))
                            .oidc(oidc -> oidc
                                    .providerConfigurationEndpoint(discovery -> discovery
                                            .providerConfigurationCustomizer(builder -> discovery(builder, methods)))
                                    .userInfoEndpoint(userInfo -> userInfo.userInfoMapper(context -> userInfo(claims, context)))
                                    .logoutEndpoint(logout -> logout.logoutResponseHandler(logoutDone)
                                            .errorResponseHandler(errors::logoutError)));
                })
                .authorizeHttpRequests(requests2 -> requests2.anyRequest().authenticated())
                .requestCache(cache -> cache.requestCache(continuations))
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")));
        return http.build();
    }

    /** The discovery document, with what this provider adds to Spring's defaults. */
    private static void discovery(
            org.springframework.security.oauth2.server.authorization.oidc.OidcProviderConfiguration.Builder builder,
            LoginMethods methods) {
        builder.tokenEndpointAuthenticationMethods(names -> {
                    names.clear();
                    names.add("private_key_jwt");
                    names.add("client_secret_basic");
                })
                .codeChallengeMethods(names -> {
                    names.clear();
                    names.add("S256");
                })
                .scopes(scopes -> {
                    scopes.clear();
                    scopes.addAll(List.of("openid", "profile", OidcProperties.NATURAL_PERSON_NUMBER_SCOPE,
                            OidcProperties.SUS_SCOPE));
                })
                .claim("acr_values_supported", methods.available().stream().map(LoginMethod::assurance)
                        .map(AssuranceLevel::uri).distinct().toList())
                .claim("claims_supported", List.of("sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "acr",
                        "amr", "azp", "sid", "name", "given_name", "family_name", PersonClaims.PERSONAL_IDENTITY_NUMBER,
                        PersonClaims.ORGANISATIONS, PersonClaims.ROLES))
                .claim("prompt_values_supported", List.of("none", "login"))
                .claim("backchannel_logout_supported", true)
                .claim("backchannel_logout_session_supported", true)
                .claim("ui_locales_supported", List.of("sv", "en"));
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(OidcProperties properties) {
        AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
        if (properties.issuer() != null) {
            settings.issuer(properties.issuer().toString());
        }
        return settings.build();
    }

    @Bean
    RelyingParties relyingParties(OidcProperties properties) {
        return new RelyingParties(properties);
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(RelyingParties relyingParties) {
        return relyingParties.repository();
    }

    @Bean
    OAuth2AuthorizationService authorizationService(JdbcOperations jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationService(jdbc, clients);
    }

    /** Sessions as Spring Session keeps them in the database, for the logout endpoint's {@code sid} check. */
    @Bean
    SessionRegistry sessionRegistry(FindByIndexNameSessionRepository<? extends Session> sessions) {
        return new SpringSessionBackedSessionRegistry<>(sessions);
    }

    @Bean
    JwtEncoder jwtEncoder(SigningKeys keys) {
        return new NimbusJwtEncoder(keys);
    }

    /**
     * Tokens are signed with the current key (named in the header). Their {@code sub} is the
     * person's stable subject; ID tokens carry the claims from {@link PersonClaims}.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> idTokenCustomizer(SigningKeys keys, PersonClaims claims,
                                                                SessionClients sessionClients) {
        return context -> {
            context.getJwsHeader().keyId(keys.currentKid());
            LoginFacts facts = LoginFacts.of(context.getAuthorization());
            if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                context.getClaims().subject(claims.subject(facts.personId()));
                return;
            }
            var person = claims.claims(facts, context.getAuthorizedScopes(), OAuth2ErrorCodes.INVALID_GRANT);
            context.getClaims().claims(all -> all.putAll(person)).claim("sid", facts.sid())
                    .claim("auth_time", java.util.Date.from(facts.authTime()));
            sessionClients.reached(facts.sid(), context.getRegisteredClient().getClientId(), (String) person.get("sub"),
                    context.getAuthorizationServerContext().getIssuer());
        };
    }

    /** UserInfo answers with the same claims as the ID token, for the access token's scopes. */
    private static OidcUserInfo userInfo(PersonClaims claims, OidcUserInfoAuthenticationContext context) {
        return new OidcUserInfo(claims.claims(LoginFacts.of(context.getAuthorization()),
                context.getAccessToken().getScopes(), OAuth2ErrorCodes.INVALID_TOKEN));
    }
}
