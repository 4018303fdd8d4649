package se.susam.inloggning.demo;

import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import com.nimbusds.openid.connect.sdk.validators.LogoutTokenValidator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * A small stand-in for SUS as a relying party (demo profile only), so {@code ./sus demo} shows the
 * whole round trip: "Logga in" sends the browser to the provider's authorization endpoint (state,
 * nonce, PKCE), the callback exchanges the code with {@code private_key_jwt} and validates the ID
 * token, the page shows the claims, "Logga ut" is RP-initiated logout, and logout tokens arriving on
 * the back channel end the demo session. Built only on Nimbus, like any other relying party; it keeps
 * its own sessions (cookie {@code DEMO_SUS}) in memory, since the demo runs as one node.
 */
@Controller
@Profile("demo")
@RequestMapping("/demo-sus")
class DemoSusRelyingParty {

    private static final Logger log = LoggerFactory.getLogger(DemoSusRelyingParty.class);
    private static final String COOKIE = "DEMO_SUS";
    private static final String CLIENT_ID = "sus";
    private static final Scope SCOPES = new Scope("openid", "profile", "https://id.oidc.se/scope/naturalPersonNumber",
            "https://susam.se/scope/behorigheter");
    private static final String LOA3 = "http://id.elegnamnden.se/loa/1.0/loa3";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A login on its way: what the callback must find again. */
    private record Pending(State state, Nonce nonce, CodeVerifier verifier) {
    }

    /** The demo SUS's own session after login. */
    private record Session(JWT idToken, Map<String, Object> claims, String sid) {
    }

    private final URI issuer;
    private final URI base;
    private final RSAKey key;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    DemoSusRelyingParty(@Value("${sus.oidc.issuer}") URI issuer) throws Exception {
        this.issuer = issuer;
        this.base = URI.create(issuer + "/demo-sus");
        this.key = new RSAKeyGenerator(2048).keyID("demo-sus").generate();
    }

    @GetMapping
    String page(HttpServletRequest request, Model model, @RequestParam(required = false) String fel) {
        String id = cookie(request);
        Session session = id == null ? null : sessions.get(id);
        model.addAttribute("claims", session == null ? null : session.claims());
        model.addAttribute("failure", fel);
        return "demo/sus";
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String niva, HttpServletRequest request, HttpServletResponse response) {
        OIDCProviderMetadata provider = discover();
        Pending login = new Pending(new State(), new Nonce(), new CodeVerifier());
        String id = cookie(request) != null ? cookie(request) : newId(response);
        pending.put(id, login);
        AuthenticationRequest.Builder authorization = new AuthenticationRequest.Builder(ResponseType.CODE, SCOPES,
                new ClientID(CLIENT_ID), callback())
                .endpointURI(provider.getAuthorizationEndpointURI()).state(login.state()).nonce(login.nonce())
                .codeChallenge(login.verifier(), CodeChallengeMethod.S256);
        if ("loa3".equals(niva)) {
            authorization.acrValues(java.util.List.of(new ACR(LOA3)));
        }
        return "redirect:" + authorization.build().toURI();
    }

    @GetMapping("/callback")
    String callback(HttpServletRequest request) throws Exception {
        String id = cookie(request);
        Pending login = id == null ? null : pending.remove(id);
        AuthenticationResponse answer = AuthenticationResponseParser.parse(
                URI.create(base + "/callback?" + request.getQueryString()));
        if (login == null || !login.state().equals(answer.getState())) {
            return "redirect:/demo-sus?fel=state";
        }
        if (answer instanceof AuthenticationErrorResponse error) {
            return "redirect:/demo-sus?fel=" + error.getErrorObject().getCode();
        }
        OIDCProviderMetadata provider = discover();
        AuthorizationCode code = answer.toSuccessResponse().getAuthorizationCode();
        TokenResponse tokens = OIDCTokenResponseParser.parse(new TokenRequest(provider.getTokenEndpointURI(),
                new PrivateKeyJWT(new ClientID(CLIENT_ID), provider.getTokenEndpointURI(), JWSAlgorithm.RS256,
                        key.toRSAPrivateKey(), key.getKeyID(), null),
                new AuthorizationCodeGrant(code, callback(), login.verifier())).toHTTPRequest().send());
        if (!tokens.indicatesSuccess()) {
            return "redirect:/demo-sus?fel=" + tokens.toErrorResponse().getErrorObject().getCode();
        }
        JWT idToken = ((OIDCTokenResponse) tokens.toSuccessResponse()).getOIDCTokens().getIDToken();
        IDTokenClaimsSet claims = new IDTokenValidator(provider.getIssuer(), new ClientID(CLIENT_ID), JWSAlgorithm.RS256,
                provider.getJWKSetURI().toURL()).validate(idToken, login.nonce());
        sessions.put(id, new Session(idToken, new LinkedHashMap<>(claims.toJSONObject()), claims.getStringClaim("sid")));
        return "redirect:/demo-sus";
    }

    @PostMapping("/logout")
    String logout(HttpServletRequest request) {
        String id = cookie(request);
        Session session = id == null ? null : sessions.remove(id);
        if (session == null) {
            return "redirect:/demo-sus";
        }
        return "redirect:" + new LogoutRequest(discover().getEndSessionEndpointURI(), session.idToken(), base,
                new State()).toURI();
    }

    /** OpenID Connect Back-Channel Logout 1.0 §2.8: validate, end the sessions with that sid, answer 200. */
    @PostMapping("/backchannel-logout")
    ResponseEntity<Void> backchannelLogout(@RequestParam("logout_token") String logoutToken) {
        try {
            OIDCProviderMetadata provider = discover();
            LogoutTokenClaimsSet claims = new LogoutTokenValidator(provider.getIssuer(), new ClientID(CLIENT_ID),
                    JWSAlgorithm.RS256, provider.getJWKSetURI().toURL(), null).validate(JWTParser.parse(logoutToken));
            String sid = claims.getSessionID() == null ? null : claims.getSessionID().getValue();
            sessions.values().removeIf(session -> session.sid() != null && session.sid().equals(sid));
            log.info("Demo SUS: back-channel logout ended the demo sessions of one sid");
            return ResponseEntity.ok().build();
        } catch (Exception e) {
            log.info("Demo SUS: logout token refused: {}", e.getMessage());
            return ResponseEntity.badRequest().build();
        }
    }

    @GetMapping(value = "/jwks.json", produces = "application/json")
    @ResponseBody
    String jwks() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    private URI callback() {
        return URI.create(base + "/callback");
    }

    private OIDCProviderMetadata discover() {
        try {
            return OIDCProviderMetadata.resolve(new Issuer(issuer));
        } catch (Exception e) {
            throw new IllegalStateException("The demo SUS cannot read the provider's discovery document", e);
        }
    }

    private static String cookie(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return null;
        }
        for (Cookie cookie : request.getCookies()) {
            if (COOKIE.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private static String newId(HttpServletResponse response) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Cookie cookie = new Cookie(COOKIE, id);
        cookie.setPath("/demo-sus");
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        return id;
    }
}
