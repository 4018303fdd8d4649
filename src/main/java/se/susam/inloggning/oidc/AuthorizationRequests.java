package se.susam.inloggning.oidc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.web.util.UriComponentsBuilder;

import se.susam.inloggning.access.AccessDecision;
import se.susam.inloggning.access.AccessGate;
import se.susam.inloggning.login.AssuranceLevel;
import se.susam.inloggning.login.LoginContinuations;
import se.susam.inloggning.login.LoginMethod;
import se.susam.inloggning.login.SusPrincipal;

/**
 * Decides, for each authorization request, whether the person's session may answer it:
 * <ul>
 * <li>without valid access the person never reaches the client ("Du saknar behörighet");</li>
 * <li>a login that does not meet the request ({@code acr_values}, {@code max_age},
 * {@code prompt=login}; OpenID Connect Core §3.1.2.1) counts as no login for this request, so the
 * person logs in again (step-up) with a method that meets it, and returns to the request;</li>
 * <li>a demand no login method can meet is answered to the client with
 * {@code unmet_authentication_requirements} (OpenID Connect Core Unmet Authentication Requirements 1.0).</li>
 * </ul>
 * The request then carries the {@link LoginFacts} and a plain principal named as the session's.
 */
final class AuthorizationRequests {

    /** Error code that sends the person to the "Du saknar behörighet" page instead of to the client. */
    static final String NO_ACCESS = "sus_no_access";
    /** Session attribute: the login methods a pending authorization request accepts (for the chooser). */
    static final String ACCEPTED_METHODS = "sus.oidc.acceptedMethods";

    private final AccessGate gate;
    private final Clock clock;
    private final List<LoginMethod> available;

    AuthorizationRequests(AccessGate gate, Clock clock, List<LoginMethod> available) {
        this.gate = gate;
        this.clock = clock;
        this.available = List.copyOf(available);
    }

    /** Wraps each of the authorization endpoint's converters. */
    AuthenticationConverter converter(AuthenticationConverter delegate) {
        return request -> {
            Authentication converted = delegate.convert(request);
            return converted instanceof OAuth2AuthorizationCodeRequestAuthenticationToken token
                    ? decide(token, request) : converted;
        };
    }

    /** Runs after the client and redirect URI are validated: errors here go back to the client. */
    Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> validator() {
        return context -> {
            OAuth2AuthorizationCodeRequestAuthenticationToken token = context.getAuthentication();
            Demand demand = Demand.of(token.getAdditionalParameters(), available);
            if (!demand.levels().isEmpty() && demand.acceptedMethods().isEmpty()) {
                throw new OAuth2AuthorizationCodeRequestAuthenticationException(new OAuth2Error(
                        "unmet_authentication_requirements", "No login method reaches the requested acr_values",
                        null), token);
            }
            if (demand.promptNone() && !(token.getPrincipal() instanceof UsernamePasswordAuthenticationToken)) {
                throw new OAuth2AuthorizationCodeRequestAuthenticationException(
                        new OAuth2Error("login_required", "prompt=none and no login that meets the request", null),
                        token);
            }
        };
    }

    private Authentication decide(OAuth2AuthorizationCodeRequestAuthenticationToken token, HttpServletRequest request) {
        Map<String, Object> parameters = LoginFacts.withoutFacts(token.getAdditionalParameters());
        Demand demand = Demand.of(parameters, available);
        Authentication current = (Authentication) token.getPrincipal();
        if (current == null || !current.isAuthenticated() || !(current.getPrincipal() instanceof SusPrincipal person)) {
            return loginNeeded(token, parameters, demand, request);
        }
        if (gate.decide(person.personnummer()) instanceof AccessDecision.Denied) {
            throw new OAuth2AuthenticationException(new OAuth2Error(NO_ACCESS));
        }
        if (!demand.metBy(person, clock.instant(), () -> LoginContinuations.justLoggedInFor(request))) {
            SecurityContextHolder.clearContext();
            return loginNeeded(token, parameters, demand, request);
        }
        LoginFacts facts = new LoginFacts(person.personId(), person.method(), person.authenticatedAt(),
                LoginFacts.sidOf(request.getSession().getId()));
        // Spring Security 7 takes auth_time from the newest factor's time: the login, not the last request.
        Authentication principal = UsernamePasswordAuthenticationToken.authenticated(facts.principalName(), null,
                List.of(FactorGrantedAuthority.withFactor(person.method().name()).issuedAt(facts.authTime()).build()));
        return copy(token, principal, facts.addTo(parameters));
    }

    /** This request goes on as anonymous: the person logs in (with a method it accepts) and comes back. */
    private Authentication loginNeeded(OAuth2AuthorizationCodeRequestAuthenticationToken token,
                                       Map<String, Object> parameters, Demand demand, HttpServletRequest request) {
        if (!demand.levels().isEmpty()) {
            request.getSession(true).setAttribute(ACCEPTED_METHODS, new ArrayList<>(
                    demand.acceptedMethods().stream().map(LoginMethod::name).toList()));
        }
        if ("POST".equals(request.getMethod())) {
            LoginContinuations.save(request, asGet(request));
        }
        Authentication anonymous = new AnonymousAuthenticationToken("anonymous", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
        return copy(token, anonymous, parameters);
    }

    /** An authorization request posted as a form continues after login as the same request by GET. */
    private static String asGet(HttpServletRequest request) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(request.getServletPath());
        request.getParameterMap().forEach((name, values) -> {
            if (!"_csrf".equals(name)) {
                Arrays.stream(values).forEach(value -> uri.queryParam(name, value));
            }
        });
        return uri.encode().build().toUriString();
    }

    private static OAuth2AuthorizationCodeRequestAuthenticationToken copy(
            OAuth2AuthorizationCodeRequestAuthenticationToken token, Authentication principal,
            Map<String, Object> parameters) {
        return new OAuth2AuthorizationCodeRequestAuthenticationToken(token.getAuthorizationUri(), token.getClientId(),
                principal, token.getRedirectUri(), token.getState(), token.getScopes(), parameters);
    }

    /**
     * What an authorization request demands of the login.
     *
     * @param levels the known {@code acr_values} (unknown ones are ignored, as OpenID Connect Core
     *               §3.1.2.1 makes them voluntary); a login meeting any of them will do
     */
    record Demand(Set<AssuranceLevel> levels, Optional<Duration> maxAge, boolean promptLogin, boolean promptNone,
                  List<LoginMethod> available) {

        static Demand of(Map<String, Object> parameters, List<LoginMethod> available) {
            List<String> acrValues = words(parameters.get("acr_values"));
            Set<AssuranceLevel> levels = acrValues.stream().map(AssuranceLevel::byUri).flatMap(Optional::stream)
                    .collect(Collectors.toUnmodifiableSet());
            Optional<Duration> maxAge = Optional.ofNullable(parameters.get("max_age")).map(String::valueOf)
                    .filter(s -> s.matches("\\d{1,9}")).map(s -> Duration.ofSeconds(Long.parseLong(s)));
            List<String> prompt = words(parameters.get("prompt"));
            return new Demand(levels, maxAge, prompt.contains("login"), prompt.contains("none"), available);
        }

        /** The available login methods whose level meets one of the demanded levels (all, if none demanded). */
        List<LoginMethod> acceptedMethods() {
            return available.stream()
                    .filter(m -> levels.isEmpty() || levels.stream().anyMatch(l -> m.assurance().satisfies(l)))
                    .toList();
        }

        boolean metBy(SusPrincipal person, Instant now, java.util.function.BooleanSupplier loggedInForThisRequest) {
            if (!acceptedMethods().contains(person.method())) {
                return false;
            }
            boolean fresh = maxAge.map(age -> !person.authenticatedAt().plus(age).isBefore(now)).orElse(true)
                    && !promptLogin && !maxAge.filter(Duration::isZero).isPresent();
            return fresh || loggedInForThisRequest.getAsBoolean();
        }

        private static List<String> words(Object value) {
            return value == null ? List.of() : Arrays.stream(String.valueOf(value).trim().split("\\s+"))
                    .filter(w -> !w.isEmpty()).toList();
        }
    }
}
