package se.susam.inloggning.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A MockMvc request with a valid CSRF token, as a browser sends it: the token in the product's
 * cookie ({@code SUS_CSRF}) and, masked as every page masks it, in the form's {@code _csrf} field.
 * Spring Security Test's own {@code csrf()} replaces the CSRF token repository of the application
 * context it runs in, for good, with one that keeps tokens in the session: every later test on the
 * same cached context, real HTTP ones too, then ran with session-held tokens instead of the
 * product's.
 */
public final class CookieCsrf {

    private static final SecureRandom RANDOM = new SecureRandom();

    private CookieCsrf() {
    }

    public static RequestPostProcessor csrf() {
        return request -> {
            String token = UUID.randomUUID().toString();
            Cookie[] cookies = request.getCookies() == null ? new Cookie[0] : request.getCookies();
            Cookie[] withToken = Arrays.copyOf(cookies, cookies.length + 1);
            withToken[cookies.length] = new Cookie("SUS_CSRF", token);
            request.setCookies(withToken);
            request.setParameter("_csrf", masked(token));
            return request;
        };
    }

    /** The token as Spring Security's {@code XorCsrfTokenRequestAttributeHandler} puts it in a page. */
    private static String masked(String token) {
        byte[] tokenBytes = token.getBytes(StandardCharsets.UTF_8);
        byte[] random = new byte[tokenBytes.length];
        RANDOM.nextBytes(random);
        byte[] combined = new byte[tokenBytes.length * 2];
        System.arraycopy(random, 0, combined, 0, random.length);
        for (int i = 0; i < tokenBytes.length; i++) {
            combined[random.length + i] = (byte) (random[i] ^ tokenBytes[i]);
        }
        return Base64.getUrlEncoder().encodeToString(combined);
    }
}
