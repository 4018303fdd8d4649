package se.susam.inloggning.kundcenter;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import se.susam.inloggning.audit.AuditTrail;
import se.susam.inloggning.errors.CatalogueRoutes;
import se.susam.inloggning.errors.ErrorCode;
import se.susam.inloggning.errors.ErrorMessages;
import se.susam.inloggning.errors.SusException;
import se.susam.inloggning.identity.Personnummer;
import se.susam.inloggning.login.SusPrincipal;

/**
 * "Granskning": the newest console actions and logins, filtered by subject and event type. Open to
 * Kundcenter and to FK's access administration (WebConfiguration), who both answer for what was
 * done to a person's login. The filter is a POST, so a personnummer never appears in a URL. Reading
 * the trail is itself audited.
 */
@Controller
@RequestMapping("/console/granskning")
class AuditTrailController {

    static final String VIEW = "AUDIT_VIEW";
    static final int ROWS = 100;

    /** One row; {@code catalogueUrl} links its error code, if it has one. */
    record Row(String time, String type, String actor, String subject, String method, String outcome,
               String errorCode, String catalogueUrl, String details) {
    }

    private final AuditTrail trail;
    private final ConsoleAudit audit;
    private final ErrorMessages messages;
    private final Clock clock;

    AuditTrailController(AuditTrail trail, ConsoleAudit audit, ErrorMessages messages, Clock clock) {
        this.trail = trail;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String newest(@AuthenticationPrincipal SusPrincipal staff, HttpServletRequest request, Model model) {
        audit.success(VIEW, staff, null, request.getRemoteAddr(), "senaste");
        return render(model, "", "", Optional.empty(), Optional.empty());
    }

    @PostMapping
    String filter(@RequestParam(defaultValue = "") String personnummer, @RequestParam(defaultValue = "") String typ,
                  @AuthenticationPrincipal SusPrincipal staff, HttpServletRequest request,
                  HttpServletResponse response, Model model, Locale locale) {
        Optional<String> type = typ.isBlank() ? Optional.empty() : Optional.of(typ.strip());
        Optional<Personnummer> subject = Optional.empty();
        if (!personnummer.isBlank()) {
            try {
                subject = Optional.of(Personnummer.parse(personnummer, clock));
            } catch (SusException e) {
                response.setStatus(e.errorCode().httpStatus());
                model.addAttribute("errors", List.of(messages.show(e, "personnummer", locale)));
                return render(model, personnummer, typ, Optional.empty(), type);
            }
        }
        audit.success(VIEW, staff, subject.orElse(null), request.getRemoteAddr(),
                "filter" + type.map(t -> " typ " + t).orElse(""));
        return render(model, personnummer, typ, subject, type);
    }

    private String render(Model model, String personnummer, String typ, Optional<Personnummer> subject,
                          Optional<String> type) {
        List<Row> rows = trail.search(subject, type, ROWS).stream()
                .map(r -> new Row(PersonOverview.time(r.occurredAt()), r.type(), r.actor(),
                        r.subject() == null ? null : r.subject().formatted(), r.method(), r.outcome(), r.errorCode(),
                        ErrorCode.byCode(r.errorCode()).map(CatalogueRoutes::entryUrl).orElse(null), r.details()))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("types", trail.eventTypes());
        model.addAttribute("personnummer", personnummer);
        model.addAttribute("typ", typ);
        return "kundcenter/granskning";
    }
}
