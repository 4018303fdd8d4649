package se.susam.inloggning.console;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import se.susam.inloggning.login.SusPrincipal;

/** The console's start page. Security lets only staff roles in (WebConfiguration). */
@Controller
class ConsoleController {

    @GetMapping("/console")
    String start(@AuthenticationPrincipal SusPrincipal principal, Model model) {
        model.addAttribute("user", principal);
        model.addAttribute("kundcenter", principal.staffRoles().contains("KUNDCENTER"));
        model.addAttribute("accessOrders", principal.staffRoles().contains("BESTALLARE")
                || principal.staffRoles().contains("BEHORIGHETSADMINISTRATOR"));
        model.addAttribute("accessAdministration", principal.staffRoles().contains("BEHORIGHETSADMINISTRATOR"));
        return "console/index";
    }
}
