package se.susam.inloggning.oidc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.stereotype.Component;

import se.susam.inloggning.access.AccessDecision;
import se.susam.inloggning.access.AccessGate;
import se.susam.inloggning.access.AccessGrant;
import se.susam.inloggning.access.AccessRegistry;
import se.susam.inloggning.access.Person;
import se.susam.inloggning.access.Role;

/**
 * The claims about a person that the ID token and UserInfo carry, read from the registry when the
 * token is made (so roles and organisations are today's), released by scope:
 * <ul>
 * <li>always: {@code sub} (stable, never the personnummer), {@code acr}, {@code amr} (the ID
 * token also {@code auth_time} and {@code sid});</li>
 * <li>{@code profile}: {@code name}, {@code given_name}, {@code family_name};</li>
 * <li>{@code https://id.oidc.se/scope/naturalPersonNumber}: the personnummer as
 * {@code https://id.oidc.se/claim/personalIdentityNumber} (Swedish OIDC claims and scopes, §2.1);</li>
 * <li>{@code https://susam.se/scope/behorigheter}: the organisations with their roles, and all roles.</li>
 * </ul>
 * A person whose access has ended gets no claims: the request fails with {@code invalid_grant}.
 */
@Component
class PersonClaims {

    static final String PERSONAL_IDENTITY_NUMBER = "https://id.oidc.se/claim/personalIdentityNumber";
    static final String ORGANISATIONS = "https://susam.se/claim/organisations";
    static final String ROLES = "https://susam.se/claim/roles";

    private final AccessRegistry registry;
    private final AccessGate gate;
    private final Subjects subjects;

    PersonClaims(AccessRegistry registry, AccessGate gate, Subjects subjects) {
        this.registry = registry;
        this.gate = gate;
        this.subjects = subjects;
    }

    String subject(long personId) {
        return subjects.of(personId);
    }

    Map<String, Object> claims(LoginFacts facts, Set<String> scopes, String errorCode) {
        Person person = registry.findPerson(facts.personId())
                .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(errorCode)));
        if (!(gate.decide(person.personnummer()) instanceof AccessDecision.Granted granted)) {
            throw new OAuth2AuthenticationException(new OAuth2Error(errorCode, "The person has no valid access", null));
        }
        // Mutable collections only: the claims are stored as JSON and Spring reads back only types it knows.
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", subjects.of(person.id()));
        claims.put("acr", facts.method().assurance().uri());
        claims.put("amr", new ArrayList<>(facts.method().amr()));
        if (scopes.contains("profile")) {
            claims.put("name", person.fullName());
            claims.put("given_name", person.givenName());
            claims.put("family_name", person.familyName());
        }
        if (scopes.contains(OidcProperties.NATURAL_PERSON_NUMBER_SCOPE)) {
            claims.put(PERSONAL_IDENTITY_NUMBER, person.personnummer().value());
        }
        if (scopes.contains(OidcProperties.SUS_SCOPE)) {
            List<Map<String, Object>> organisations = new ArrayList<>();
            Set<String> roles = new TreeSet<>();
            granted.validGrants().stream().sorted(Comparator.comparing(g -> g.organisation().orgNumber()))
                    .forEach(grant -> {
                        List<String> names = grantRoles(grant);
                        roles.addAll(names);
                        Map<String, Object> organisation = new LinkedHashMap<>();
                        organisation.put("orgNumber", grant.organisation().orgNumber());
                        organisation.put("name", grant.organisation().name());
                        organisation.put("roles", names);
                        organisations.add(organisation);
                    });
            claims.put(ORGANISATIONS, organisations);
            claims.put(ROLES, new ArrayList<>(roles));
        }
        return claims;
    }

    private static List<String> grantRoles(AccessGrant grant) {
        return grant.roles().stream().sorted().map(Role::name)
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    }
}
