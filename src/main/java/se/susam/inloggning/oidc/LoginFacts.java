package se.susam.inloggning.oidc;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;

import se.susam.inloggning.login.LoginMethod;

/**
 * What the ID token tells about the login behind an authorization: the person, the method used,
 * when, and the session ({@code sid}). Taken from the session when the authorization request is
 * accepted and kept with the authorization request, so the token endpoint (called by the relying
 * party, without the person's session) and every later refresh see the login as it was.
 *
 * @param sid OpenID Connect Back-Channel Logout §2.1: identifies the session at this provider
 */
record LoginFacts(long personId, LoginMethod method, Instant authTime, String sid) {

    private static final String PERSON = "sus_person";
    private static final String METHOD = "sus_login_method";
    private static final String AUTH_TIME = "sus_auth_time";
    private static final String SID = "sus_sid";

    /** The principal name the authorization is stored under (as the session's {@code SusPrincipal} names it). */
    String principalName() {
        return se.susam.inloggning.login.SusPrincipal.principalName(personId);
    }

    /** {@code parameters} with these facts put in (any a client sent under the same names replaced). */
    Map<String, Object> addTo(Map<String, Object> parameters) {
        Map<String, Object> all = new HashMap<>(parameters);
        all.put(PERSON, Long.toString(personId));
        all.put(METHOD, method.name());
        all.put(AUTH_TIME, Long.toString(authTime.getEpochSecond()));
        all.put(SID, sid);
        return all;
    }

    /** Parameters a client sent under our names never count: they are dropped before anything reads them. */
    static Map<String, Object> withoutFacts(Map<String, Object> parameters) {
        Map<String, Object> all = new HashMap<>(parameters);
        all.keySet().removeAll(java.util.List.of(PERSON, METHOD, AUTH_TIME, SID));
        return all;
    }

    /**
     * The {@code sid} of an HTTP session: SHA-256 of its id, Base64url (as Spring Security's
     * authorization server computes it for its own logout check), so the id itself never leaves us.
     */
    static String sidOf(String sessionId) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(sessionId.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static LoginFacts of(OAuth2Authorization authorization) {
        OAuth2AuthorizationRequest request = authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
        Map<String, Object> parameters = request.getAdditionalParameters();
        return new LoginFacts(Long.parseLong((String) parameters.get(PERSON)),
                LoginMethod.valueOf((String) parameters.get(METHOD)),
                Instant.ofEpochSecond(Long.parseLong((String) parameters.get(AUTH_TIME))),
                (String) parameters.get(SID));
    }
}
