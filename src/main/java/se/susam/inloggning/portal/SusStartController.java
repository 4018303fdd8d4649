package se.susam.inloggning.portal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import se.susam.inloggning.login.SusPrincipal;

/** The SUS start page behind login. */
@Controller
class SusStartController {

    @GetMapping("/sus")
    String start(@AuthenticationPrincipal SusPrincipal principal, Model model) {
        model.addAttribute("user", principal);
        return "portal/start";
    }
}
