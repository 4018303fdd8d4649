package se.susam.inloggning.kundcenter;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import se.susam.inloggning.access.AccessRegistry;
import se.susam.inloggning.access.Person;
import se.susam.inloggning.errors.ErrorCode;
import se.susam.inloggning.errors.ErrorMessages;
import se.susam.inloggning.errors.SusException;
import se.susam.inloggning.identity.Personnummer;
import se.susam.inloggning.login.SusPrincipal;

/**
 * Finding a person and seeing their login: search, the person view, and unlocking. Security lets
 * only KUNDCENTER in (WebConfiguration). The search is a POST, so the personnummer never appears in
 * a URL (and so in no access log); the person view is addressed by the registry's id.
 */
@Controller
@RequestMapping("/console/personer")
class PersonController {

    static final String SEARCH = "KC_PERSON_SEARCH";
    static final String VIEW = "KC_PERSON_VIEW";

    private final AccessRegistry registry;
    private final PersonOverview overview;
    private final KundcenterActions actions;
    private final ConsoleAudit audit;
    private final ErrorMessages messages;
    private final Clock clock;

    PersonController(AccessRegistry registry, PersonOverview overview, KundcenterActions actions, ConsoleAudit audit,
                     ErrorMessages messages, Clock clock) {
        this.registry = registry;
        this.overview = overview;
        this.actions = actions;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String searchPage(Model model) {
        model.addAttribute("personnummer", "");
        return "kundcenter/search";
    }

    @PostMapping
    String search(@RequestParam(defaultValue = "") String personnummer, @AuthenticationPrincipal SusPrincipal staff,
                  HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
        ErrorCode refusal;
        Personnummer parsed = null;
        try {
            parsed = Personnummer.parse(personnummer, clock);
            Person person = registry.findPerson(parsed).orElseThrow(
                    () -> new SusException(ErrorCode.KC_PERSON_NOT_FOUND));
            audit.success(SEARCH, staff, parsed, request.getRemoteAddr(), "hittad");
            return "redirect:/console/personer/" + person.id();
        } catch (SusException e) {
            refusal = e.errorCode();
        }
        audit.refused(SEARCH, refusal, staff, parsed, request.getRemoteAddr(), null);
        response.setStatus(refusal.httpStatus());
        model.addAttribute("errors", List.of(messages.show(refusal, "personnummer", locale)));
        model.addAttribute("personnummer", personnummer);
        return "kundcenter/search";
    }

    @GetMapping("/{id}")
    String view(@PathVariable long id, @AuthenticationPrincipal SusPrincipal staff, HttpServletRequest request,
                Model model) {
        Person person = overview.person(id);
        model.addAttribute("view", overview.of(person));
        audit.success(VIEW, staff, person.personnummer(), request.getRemoteAddr(), null);
        return "kundcenter/person";
    }

    @PostMapping("/{id}/las-upp")
    String unlock(@PathVariable long id, @AuthenticationPrincipal SusPrincipal staff, HttpServletRequest request) {
        actions.unlock(staff, overview.person(id), request.getRemoteAddr());
        return "redirect:/console/personer/" + id + "?upplast";
    }
}
