package se.susam.inloggning.orders;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import se.susam.inloggning.access.GrantAdministration.HeldGrant;
import se.susam.inloggning.access.Organisation;
import se.susam.inloggning.login.SusPrincipal;

/**
 * An organisation's active access in the console, each with "Återkalla" (withdraw). A beställare
 * sees their own organisation; an administrator chooses any.
 */
@Controller
@RequestMapping("/console/behorigheter")
class GrantConsoleController {

    private final AccessWithdrawal withdrawal;
    private final ConsoleStaff.Directory staffDirectory;

    GrantConsoleController(AccessWithdrawal withdrawal, ConsoleStaff.Directory staffDirectory) {
        this.withdrawal = withdrawal;
        this.staffDirectory = staffDirectory;
    }

    @GetMapping
    String list(@RequestParam(name = "organisation", required = false) Long organisation,
                @AuthenticationPrincipal SusPrincipal principal, HttpServletRequest request, Model model) {
        ConsoleStaff staff = staffDirectory.of(principal);
        Optional<Organisation> shown = withdrawal.listable(Optional.ofNullable(organisation), staff,
                request.getRemoteAddr());
        model.addAttribute("staff", staff);
        model.addAttribute("shown", shown.orElse(null));
        model.addAttribute("grants", shown.map(o -> withdrawal.activeGrants(o, staff, request.getRemoteAddr()))
                .orElse(List.of()));
        model.addAttribute("organisations", staff.administrator() ? withdrawal.organisations() : List.of());
        return "orders/grants";
    }

    @PostMapping("/{grantId}/aterkalla")
    String withdraw(@PathVariable long grantId, @AuthenticationPrincipal SusPrincipal principal,
                    HttpServletRequest request) {
        HeldGrant held = withdrawal.withdraw(grantId, staffDirectory.of(principal), request.getRemoteAddr(),
                Optional.ofNullable(request.getSession(false)).map(jakarta.servlet.http.HttpSession::getId));
        return "redirect:/console/behorigheter?organisation=" + held.grant().organisation().id() + "&aterkallad="
                + grantId;
    }
}
