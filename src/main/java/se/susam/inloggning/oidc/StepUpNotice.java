package se.susam.inloggning.oidc;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * While an authorization request waits for a login of a higher level, the chooser shows only the
 * methods that reach it, and says why ({@code acceptedMethods}: names of login methods, or absent).
 * Only for the site's controllers, where the chooser is: for any other request it cost an
 * invocation, and read the session of requests that had no use for it.
 */
@ControllerAdvice(basePackages = "se.susam.inloggning.site")
class StepUpNotice {

    @ModelAttribute("acceptedMethods")
    List<?> acceptedMethods(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(AuthorizationRequests.ACCEPTED_METHODS) instanceof List<?> methods
                ? methods : null;
    }
}
