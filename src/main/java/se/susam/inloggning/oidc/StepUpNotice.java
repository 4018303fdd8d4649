package se.susam.inloggning.oidc;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * While an authorization request waits for a login of a higher level, the chooser shows only the
 * methods that reach it, and says why ({@code acceptedMethods}: names of login methods, or absent).
 */
@ControllerAdvice
class StepUpNotice {

    @ModelAttribute("acceptedMethods")
    List<?> acceptedMethods(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(AuthorizationRequests.ACCEPTED_METHODS) instanceof List<?> methods
                ? methods : null;
    }
}
