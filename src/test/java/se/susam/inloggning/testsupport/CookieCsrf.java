package se.susam.inloggning.testsupport;

import java.util.Arrays;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A MockMvc request with a valid CSRF token, as a browser sends it: the token in the product's
 * cookie ({@code SUS_CSRF}) and, masked by Spring Security's own handler as every page masks it,
 * in the form's {@code _csrf} field. Spring Security Test's own {@code csrf()} replaces the CSRF
 * token repository of the application context it runs in, for good, with one that keeps tokens in
 * the session: every later test on the same cached context, real HTTP ones too, then ran with
 * session-held tokens instead of the product's.
 */
public final class CookieCsrf {

    private CookieCsrf() {
    }

    public static RequestPostProcessor csrf() {
        return request -> {
            CsrfToken token = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", UUID.randomUUID().toString());
            Cookie[] cookies = request.getCookies() == null ? new Cookie[0] : request.getCookies();
            Cookie[] withToken = Arrays.copyOf(cookies, cookies.length + 1);
            withToken[cookies.length] = new Cookie("SUS_CSRF", token.getToken());
            request.setCookies(withToken);
            new XorCsrfTokenRequestAttributeHandler().handle(request, new MockHttpServletResponse(), () -> token);
            request.setParameter("_csrf", ((CsrfToken) request.getAttribute(CsrfToken.class.getName())).getToken());
            return request;
        };
    }
}
