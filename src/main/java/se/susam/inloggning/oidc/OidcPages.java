package se.susam.inloggning.oidc;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

import se.susam.inloggning.access.AccessDecision;
import se.susam.inloggning.access.AccessGate;
import se.susam.inloggning.errors.ErrorCode;
import se.susam.inloggning.errors.ErrorFamily;
import se.susam.inloggning.errors.ErrorMessages;
import se.susam.inloggning.errors.SusException;
import se.susam.inloggning.login.SusPrincipal;

/** The pages the protocol endpoints forward to: a refused request, and "Du saknar behörighet till SUS". */
@Controller
class OidcPages {

    static final String ERROR = "/login/oidc/fel";
    static final String NO_ACCESS = "/login/oidc/ingen-behorighet";
    static final String ERROR_CODE = "sus.oidc.errorCode";

    private final AccessGate gate;
    private final ErrorMessages messages;

    OidcPages(AccessGate gate, ErrorMessages messages) {
        this.gate = gate;
        this.messages = messages;
    }

    @RequestMapping(ERROR)
    String error(HttpServletRequest request) {
        Object code = request.getAttribute(ERROR_CODE);
        throw new SusException(code instanceof ErrorCode c && c.family() == ErrorFamily.OIDC ? c : ErrorCode.GEN_NOT_FOUND);
    }

    /** The person is logged in, but their access has ended (or they only have console roles). */
    @RequestMapping(NO_ACCESS)
    String noAccess(@AuthenticationPrincipal SusPrincipal person, HttpServletResponse response, Model model,
                    Locale locale) {
        if (person == null || !(gate.decide(person.personnummer()) instanceof AccessDecision.Denied denied)) {
            return "redirect:/login";
        }
        response.setStatus(denied.reason().httpStatus());
        model.addAttribute("error", messages.show(denied.reason(), null, locale));
        model.addAttribute("name", person.fullName());
        return "login/no-access";
    }
}
