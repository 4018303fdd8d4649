package se.susam.inloggning.login;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Where a login continues: only addresses on this site, only GETs, taken once. */
class LoginContinuationsTest {

    private final LoginContinuations continuations = new LoginContinuations();

    @Test
    void saveWhenGetThenTakenOnceWithItsQuery() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/oauth2/authorize");
        request.setServletPath("/oauth2/authorize");
        request.setQueryString("client_id=sus&state=x");
        continuations.saveRequest(request, new MockHttpServletResponse());
        assertThat(LoginContinuations.take(request.getSession())).contains("/oauth2/authorize?client_id=sus&state=x");
        assertThat(LoginContinuations.take(request.getSession())).isEmpty();
    }

    @Test
    void saveWhenPostThenNothingKept() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/console/driftinformation");
        continuations.saveRequest(request, new MockHttpServletResponse());
        assertThat(LoginContinuations.take(request.getSession())).isEmpty();
    }

    @Test
    void saveWhenAddressLeavesTheSiteThenNothingKept() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/x");
        LoginContinuations.save(request, "//evil.example/phish");
        LoginContinuations.save(request, "https://evil.example/");
        LoginContinuations.save(request, "/\\evil.example");
        assertThat(LoginContinuations.take(request.getSession())).isEmpty();
    }
}
