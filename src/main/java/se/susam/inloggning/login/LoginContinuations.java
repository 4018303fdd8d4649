package se.susam.inloggning.login;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.util.UrlUtils;

/**
 * Where a login continues once the person is in: the address that needed a login (a SUS page, the
 * console, an OpenID Connect authorization request), kept in the session until
 * {@link LoginCompletion} has passed the access gate. As Spring Security's {@link RequestCache} it
 * keeps only the address of a GET, never a request to replay: the login ends with a redirect to it.
 */
public class LoginContinuations implements RequestCache {

    /** Session attribute: the context-relative address to continue to after login. */
    static final String CONTINUE_TO = "sus.login.continueTo";
    /** Session attribute of the new session: the address the completed login continued to. */
    static final String CONTINUED_TO = "sus.login.continuedTo";

    @Override
    public void saveRequest(HttpServletRequest request, HttpServletResponse response) {
        if ("GET".equals(request.getMethod()) && !"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
            save(request, UrlUtils.buildRequestUrl(request));
        }
    }

    /** Keeps {@code address} (context-relative, starting with one {@code /}) as where the next login continues. */
    public static void save(HttpServletRequest request, String address) {
        if (isLocal(address)) {
            request.getSession(true).setAttribute(CONTINUE_TO, address);
        }
    }

    /**
     * True, once, when this request is the one a login just continued to: a request that demanded a
     * fresh login ({@code prompt=login}, {@code max_age}) is then met by the login that was made for it.
     */
    public static boolean justLoggedInFor(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && UrlUtils.buildRequestUrl(request).equals(session.getAttribute(CONTINUED_TO))) {
            session.removeAttribute(CONTINUED_TO);
            return true;
        }
        return false;
    }

    /** The address saved in {@code session}, removed from it. */
    static Optional<String> take(HttpSession session) {
        if (session == null || !(session.getAttribute(CONTINUE_TO) instanceof String address)) {
            return Optional.empty();
        }
        session.removeAttribute(CONTINUE_TO);
        return isLocal(address) ? Optional.of(address) : Optional.empty();
    }

    /** Only addresses on this site: one leading slash, no scheme, no backslash (no open redirect). */
    private static boolean isLocal(String address) {
        return address != null && address.startsWith("/") && !address.startsWith("//") && !address.contains("\\")
                && !address.contains("\r") && !address.contains("\n");
    }

    @Override
    public SavedRequest getRequest(HttpServletRequest request, HttpServletResponse response) {
        return null;
    }

    @Override
    public HttpServletRequest getMatchingRequest(HttpServletRequest request, HttpServletResponse response) {
        return null;
    }

    @Override
    public void removeRequest(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(CONTINUE_TO);
        }
    }
}
