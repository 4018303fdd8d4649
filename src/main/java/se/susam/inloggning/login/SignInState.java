package se.susam.inloggning.login;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Whether the person viewing a page is logged in, for the page header's "Logga ut" or "Logga in i
 * SUS" ({@code fragments/layout.html}: {@code ${@signInState.signedIn()}}). The same answer as
 * Spring Security's {@code isAuthenticated()}, without the Thymeleaf security dialect's way to it:
 * it looked up the expression handler, parsed the expression and built an evaluation context on
 * every page, 2–3 % of an SMS login's CPU outside its hash (JFR, README "Benchmark").
 */
@Component
public class SignInState {

    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

    /** True for an authenticated person, false for an anonymous visitor or none. */
    public boolean signedIn() {
        return trust.isAuthenticated(SecurityContextHolder.getContext().getAuthentication());
    }
}
