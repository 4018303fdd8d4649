package se.susam.inloggning.login;

import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The attributes of the cookies that stand in for a session before login (the CSRF token, the SMS
 * login's transaction), set as the session cookie's are: HttpOnly, SameSite=Lax, and Secure as
 * {@code server.servlet.session.cookie.secure} says (unset: whatever the caller set, Secure on
 * HTTPS). One place reads that setting, so the cookies cannot come to differ.
 */
@Component
public class LoginCookies {

    private final Boolean secure;
    private final Optional<String> domain;

    LoginCookies(@Value("${server.servlet.session.cookie.secure:#{null}}") Boolean secure,
                 @Value("${server.servlet.session.cookie.domain:}") String domain) {
        this.secure = secure;
        this.domain = Optional.of(domain).filter(d -> !d.isBlank());
    }

    /** HttpOnly, SameSite=Lax, and Secure if configured. */
    public ResponseCookie.ResponseCookieBuilder applyTo(ResponseCookie.ResponseCookieBuilder cookie) {
        cookie.httpOnly(true).sameSite("Lax");
        if (secure != null) {
            cookie.secure(secure);
        }
        return cookie;
    }

    /** {@code server.servlet.session.cookie.domain}, for a cookie the certificate connector's host must see too. */
    public Optional<String> domain() {
        return domain;
    }
}
