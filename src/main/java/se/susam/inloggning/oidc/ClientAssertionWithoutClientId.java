package se.susam.inloggning.oidc;

import java.text.ParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import com.nimbusds.jwt.JWTParser;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * {@code private_key_jwt} without a {@code client_id} parameter, which RFC 7523 §3 and OpenID
 * Connect Core §9 allow (the assertion's {@code sub} is the client id) and common client libraries
 * send, while Spring's own converter insists on the parameter. The assertion is not trusted here:
 * Spring's provider then verifies its signature with the client's keys and that {@code iss} and
 * {@code sub} are that client.
 */
final class ClientAssertionWithoutClientId implements AuthenticationConverter {

    private static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    @Override
    public Authentication convert(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod()) || request.getParameter(OAuth2ParameterNames.CLIENT_ID) != null
                || !JWT_BEARER.equals(request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION_TYPE))
                || request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION) == null) {
            return null;
        }
        String assertion = request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION);
        String clientId;
        try {
            clientId = JWTParser.parse(assertion).getJWTClaimsSet().getSubject();
        } catch (ParseException e) {
            throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
        }
        if (clientId == null || clientId.isBlank()) {
            throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
        }
        return new OAuth2ClientAuthenticationToken(clientId, new ClientAuthenticationMethod(JWT_BEARER), assertion,
                codeGrantParameters(request));
    }

    /** For the code grant, the other parameters (code_verifier among them) go with the client authentication. */
    private static Map<String, Object> codeGrantParameters(HttpServletRequest request) {
        Map<String, Object> parameters = new HashMap<>();
        if (AuthorizationGrantType.AUTHORIZATION_CODE.getValue().equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))
                && request.getParameter(OAuth2ParameterNames.CODE) != null) {
            request.getParameterMap().forEach((name, values) -> {
                if (!List.of(OAuth2ParameterNames.CLIENT_ASSERTION_TYPE, OAuth2ParameterNames.CLIENT_ASSERTION)
                        .contains(name)) {
                    parameters.put(name, values.length == 1 ? values[0] : values);
                }
            });
        }
        return parameters;
    }
}
