package se.susam.inloggning.login;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

class SignInStateTest {

    private final SignInState state = new SignInState();

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void signedInWhenNoAuthenticationThenFalse() {
        assertThat(state.signedIn()).isFalse();
    }

    @Test
    void signedInWhenAnonymousVisitorThenFalse() {
        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));

        assertThat(state.signedIn()).isFalse();
    }

    @Test
    void signedInWhenLoggedInPersonThenTrue() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "person", null, AuthorityUtils.createAuthorityList("ROLE_SUS_USER")));

        assertThat(state.signedIn()).isTrue();
    }

    @Test
    void signedInWhenAuthenticationNotYetAuthenticatedThenFalse() {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.unauthenticated("person", "secret"));

        assertThat(state.signedIn()).isFalse();
    }
}
