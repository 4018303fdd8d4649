package se.susam.inloggning.testsupport;

import java.time.Instant;
import java.util.List;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import se.susam.inloggning.identity.Personnummer;
import se.susam.inloggning.login.LoginMethod;
import se.susam.inloggning.login.SusPrincipal;

/**
 * A staff session for MockMvc tests of console pages, shaped exactly as LoginCompletion builds it
 * (a SusPrincipal with its staff roles as ROLE_ authorities).
 */
public final class StaffLogins {

    private StaffLogins() {
    }

    public static RequestPostProcessor staff(String... roles) {
        return staff(1L, new Personnummer("191212121212"), "Karin Kundcenter", roles);
    }

    /** A staff session of a real person in the registry (for actions that record or check who acts). */
    public static RequestPostProcessor staff(se.susam.inloggning.access.Person person, String... roles) {
        return staff(person.id(), person.personnummer(), person.fullName(), roles);
    }

    private static RequestPostProcessor staff(long personId, Personnummer personnummer, String name,
                                              String... roles) {
        SusPrincipal principal = new SusPrincipal(personId, personnummer, name,
                LoginMethod.BANKID, Instant.now(), List.of(), List.of(roles));
        List<SimpleGrantedAuthority> authorities = java.util.Arrays.stream(roles)
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
        return SecurityMockMvcRequestPostProcessors.authentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
    }
}
