package se.susam.inloggning.oidc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

import se.susam.inloggning.errors.ErrorCode;

/**
 * What the person sees when an authorization or logout request fails. An error the client may be
 * told about goes back to its (validated) redirect URI, as RFC 6749 §4.1.2.1 says; when the client
 * or redirect URI itself is wrong there is nowhere safe to send the person, so they get our error
 * page (OIDC-001); a person without valid access gets "Du saknar behörighet till SUS".
 */
@Component
class AuthorizationErrors {

    private static final Logger log = LoggerFactory.getLogger(AuthorizationErrors.class);

    void authorizationError(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException, ServletException {
        OAuth2Error error = ((OAuth2AuthenticationException) exception).getError();
        if (AuthorizationRequests.NO_ACCESS.equals(error.getErrorCode())) {
            request.getRequestDispatcher(OidcPages.NO_ACCESS).forward(request, response);
            return;
        }
        OAuth2AuthorizationCodeRequestAuthenticationToken token =
                exception instanceof OAuth2AuthorizationCodeRequestAuthenticationException codeRequest
                        ? codeRequest.getAuthorizationCodeRequestAuthentication() : null;
        if (token == null || token.getRedirectUri() == null || token.getRedirectUri().isBlank()) {
            log.info("Authorization request refused without a redirect: {} ({})", error.getErrorCode(),
                    error.getDescription());
            showError(ErrorCode.OIDC_BAD_REQUEST, request, response);
            return;
        }
        log.info("Authorization request answered with error {} to client {}", error.getErrorCode(), token.getClientId());
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(token.getRedirectUri())
                .queryParam(OAuth2ParameterNames.ERROR, error.getErrorCode());
        if (error.getDescription() != null) {
            uri.queryParam(OAuth2ParameterNames.ERROR_DESCRIPTION,
                    UriUtils.encode(error.getDescription(), StandardCharsets.UTF_8));
        }
        if (token.getState() != null) {
            uri.queryParam(OAuth2ParameterNames.STATE, UriUtils.encode(token.getState(), StandardCharsets.UTF_8));
        }
        response.sendRedirect(uri.build(true).toUriString());
    }

    void logoutError(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException, ServletException {
        OAuth2Error error = ((OAuth2AuthenticationException) exception).getError();
        log.info("Logout request refused: {} ({})", error.getErrorCode(), error.getDescription());
        showError(ErrorCode.OIDC_BAD_LOGOUT, request, response);
    }

    private static void showError(ErrorCode code, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        request.setAttribute(OidcPages.ERROR_CODE, code);
        request.getRequestDispatcher(OidcPages.ERROR).forward(request, response);
    }
}
