package se.susam.inloggning.incident;

import java.time.Clock;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import se.susam.inloggning.audit.AuditRecord;
import se.susam.inloggning.errors.CorrelationId;
import se.susam.inloggning.errors.ErrorCode;
import se.susam.inloggning.errors.SusException;

/**
 * Kundcenter's list of incident reports in the console, newest first, and one report in full.
 * Security lets only staff into {@code /console}; this tool also requires the role KUNDCENTER
 * (console package: each tool checks its role itself). Every view, and every refused one, is
 * audited with the staff member as actor.
 */
@Controller
@RequestMapping("/console/felanmalningar")
class IncidentConsoleController {

    static final int PAGE_SIZE = 50;
    private static final String ROLE = "KUNDCENTER";

    private final IncidentTickets tickets;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    IncidentConsoleController(IncidentTickets tickets, ApplicationEventPublisher events, Clock clock) {
        this.tickets = tickets;
        this.events = events;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "1") int sida, Authentication staff, HttpServletRequest request,
                Model model) {
        requireKundcenter(staff, request, "INCIDENT_LIST", null);
        int page = Math.max(1, sida);
        List<Ticket> found = tickets.newest((page - 1) * PAGE_SIZE, PAGE_SIZE + 1);
        model.addAttribute("tickets", found.subList(0, Math.min(found.size(), PAGE_SIZE)));
        model.addAttribute("page", page);
        model.addAttribute("hasNext", found.size() > PAGE_SIZE);
        audit(staff, request, "INCIDENT_LIST", "SUCCESS", null, "page " + page);
        return "incident/console-list";
    }

    @GetMapping("/{number}")
    String detail(@PathVariable String number, Authentication staff, HttpServletRequest request, Model model) {
        requireKundcenter(staff, request, "INCIDENT_VIEW", number);
        Ticket ticket = TicketNumber.parse(number).flatMap(tickets::find)
                .orElseThrow(() -> new SusException(ErrorCode.GEN_NOT_FOUND));
        model.addAttribute("ticket", ticket);
        audit(staff, request, "INCIDENT_VIEW", "SUCCESS", null, ticket.number().toString());
        return "incident/console-detail";
    }

    private void requireKundcenter(Authentication staff, HttpServletRequest request, String type, String number) {
        if (!request.isUserInRole(ROLE)) {
            audit(staff, request, type, "DENIED", ErrorCode.GEN_FORBIDDEN.code(),
                    number == null ? null : TicketNumber.parse(number).map(TicketNumber::toString).orElse(null));
            throw new SusException(ErrorCode.GEN_FORBIDDEN);
        }
    }

    /** The actor is the session's principal name ({@code person:<id>}), never a personnummer. */
    private void audit(Authentication staff, HttpServletRequest request, String type, String outcome, String code,
                       String details) {
        events.publishEvent(new AuditRecord(clock.instant(), type, null, outcome, code, null, staff.getName(),
                request.getRemoteAddr(), CorrelationId.current(), details));
    }
}
