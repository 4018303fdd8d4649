package se.susam.inloggning.incident;

import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import se.susam.inloggning.errors.CatalogueRoutes;
import se.susam.inloggning.errors.ErrorCode;
import se.susam.inloggning.errors.ErrorFamily;
import se.susam.inloggning.errors.ErrorMessages;
import se.susam.inloggning.errors.ShownError;
import se.susam.inloggning.errors.SusException;

/**
 * Felanmälan on the public site. {@code GET /felanmalan} takes what an error page knows
 * ({@code kod}, {@code ref}, {@code metod}) and what the support pages know ({@code grupp},
 * {@code typ}); it asks who the user works for when that is not known, sends Försäkringskassan's
 * staff to Helpdesk, and shows everyone else the seed's checklist and the form. A filed report
 * answers with a redirect to its receipt, which only the session that filed it can open.
 */
@Controller
@RequestMapping("/felanmalan")
class IncidentReportController {

    /** Session attribute: the ticket numbers this session filed, so only it can open their receipts. */
    static final String RECEIPTS = "sus.incident.receipts";
    private static final Logger log = LoggerFactory.getLogger(IncidentReportController.class);

    private final IncidentTickets tickets;
    private final ClientAddresses clientAddresses;
    private final IncidentProperties properties;
    private final ErrorMessages messages;
    private final Clock clock;

    IncidentReportController(IncidentTickets tickets, ClientAddresses clientAddresses, IncidentProperties properties,
                             ErrorMessages messages, Clock clock) {
        this.tickets = tickets;
        this.clientAddresses = clientAddresses;
        this.properties = properties;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * @param steg {@code grupp} when the "Var arbetar du?" question was answered (a radio left
     *             unchosen sends no {@code grupp} at all)
     */
    @GetMapping
    String start(@RequestParam(required = false) String grupp, @RequestParam(required = false) String kod,
                 @RequestParam(required = false) String ref, @RequestParam(required = false) String metod,
                 @RequestParam(required = false) String typ, @RequestParam(required = false) String steg,
                 HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
        Optional<ReportedMethod> method = ReportedMethod.fromParam(metod).or(() -> methodOf(kod));
        ReportKind kind = ReportKind.fromParam(typ).orElse(ReportKind.LOGIN);
        Optional<ReporterGroup> group = ReporterGroup.fromParam(grupp);
        IncidentForm form = IncidentForm.prefilled(group.orElse(ReporterGroup.OVRIGA), kind, method, kod, ref,
                LocalDateTime.ofInstant(clock.instant(), properties.timeZone()));
        model.addAttribute("form", form);
        if (group.isEmpty()) {
            if (!blank(grupp) || steg != null) {
                response.setStatus(ErrorCode.FEL_GROUP.httpStatus());
                model.addAttribute("errors", List.of(messages.show(ErrorCode.FEL_GROUP, "grupp-fk", locale)));
            }
            return "incident/group";
        }
        if (group.get().reportsToHelpdesk()) {
            return "incident/helpdesk";
        }
        return showForm(form, List.of(), request, model);
    }

    @PostMapping
    String submit(IncidentForm form, HttpServletRequest request, HttpServletResponse response, Model model,
                  Locale locale) {
        String browser = request.getHeader(HttpHeaders.USER_AGENT);
        FormCheck check = form.check(clock.instant(), properties.timeZone(), browser);
        return switch (check) {
            case FormCheck.Invalid invalid -> {
                List<ShownError> errors = invalid.problems().stream()
                        .map(p -> messages.show(p.code(), p.field(), locale, p.arguments())).toList();
                response.setStatus(invalid.problems().getFirst().code().httpStatus());
                yield showForm(form, errors, request, model);
            }
            case FormCheck.Valid valid -> file(valid.report(), form, request, response, model, locale);
        };
    }

    private String file(IncidentReport report, IncidentForm form, HttpServletRequest request,
                        HttpServletResponse response, Model model, Locale locale) {
        return switch (tickets.file(report, clientAddresses.of(request))) {
            case IncidentTickets.Filing.Filed filed -> {
                log.info("Incident report {} filed ({}, {}, code {})", filed.number(), report.group(),
                        report.method(), report.errorCode());
                rememberReceipt(request.getSession(true), filed.number());
                yield "redirect:/felanmalan/kvitto/" + filed.number();
            }
            case IncidentTickets.Filing.RateLimited limited -> {
                log.info("Incident report refused: rate limit for the client address");
                response.setStatus(ErrorCode.FEL_RATE_LIMITED.httpStatus());
                yield showForm(form, List.of(messages.show(ErrorCode.FEL_RATE_LIMITED, null, locale)), request, model);
            }
        };
    }

    /** The receipt, for the session that filed the report; anyone else gets FEL-015 (404). */
    @GetMapping("/kvitto/{number}")
    String receipt(@PathVariable String number, HttpServletRequest request, Model model) {
        Ticket ticket = TicketNumber.parse(number)
                .filter(n -> filedInThisSession(request.getSession(false), n))
                .flatMap(tickets::find)
                .orElseThrow(() -> new SusException(ErrorCode.FEL_NO_RECEIPT));
        model.addAttribute("ticket", ticket);
        return "incident/receipt";
    }

    private String showForm(IncidentForm form, List<ShownError> errors, HttpServletRequest request, Model model) {
        Optional<ReportedMethod> method = ReportedMethod.fromParam(form.method());
        Optional<ErrorCode> code = ErrorCode.byCode(form.errorCode() == null ? "" : form.errorCode().strip());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("invalid", fieldsOf(errors));
        model.addAttribute("methods", ReportedMethod.values());
        model.addAttribute("group", ReporterGroup.fromParam(form.group()).orElse(ReporterGroup.OVRIGA));
        model.addAttribute("knownCode", code.map(ErrorCode::code).orElse(null));
        model.addAttribute("readMoreUrl", code.map(CatalogueRoutes::entryUrl)
                .orElseGet(() -> method.map(ReportedMethod::supportUrl).orElse("/support")));
        model.addAttribute("browser", BrowserDescription.of(request.getHeader(HttpHeaders.USER_AGENT)).orElse(null));
        model.addAttribute("descriptionMax", String.valueOf(IncidentForm.DESCRIPTION_MAX));
        return "incident/form";
    }

    /** An SMS-… code can only come from SMS login, so its method is known. */
    private static Optional<ReportedMethod> methodOf(String code) {
        return ErrorCode.byCode(code == null ? "" : code.strip().toUpperCase(Locale.ROOT))
                .filter(c -> c.family() == ErrorFamily.SMS).map(c -> ReportedMethod.SMS);
    }

    private static void rememberReceipt(HttpSession session, TicketNumber number) {
        @SuppressWarnings("unchecked")
        List<String> filed = (List<String>) session.getAttribute(RECEIPTS);
        ArrayList<String> updated = filed == null ? new ArrayList<>() : new ArrayList<>(filed);
        updated.add(number.toString());
        session.setAttribute(RECEIPTS, (Serializable) updated);
    }

    private static boolean filedInThisSession(HttpSession session, TicketNumber number) {
        return session != null && session.getAttribute(RECEIPTS) instanceof List<?> filed
                && filed.contains(number.toString());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** Field names with an error, for {@code aria-invalid} and the red border. */
    private static Set<String> fieldsOf(List<ShownError> errors) {
        return errors.stream().map(ShownError::field).filter(f -> f != null).collect(Collectors.toSet());
    }
}
