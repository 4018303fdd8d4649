package se.susam.inloggning.login;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import se.susam.inloggning.access.AccessDecision;
import se.susam.inloggning.access.AccessGate;
import se.susam.inloggning.audit.AuditRecord;
import se.susam.inloggning.errors.CorrelationId;
import se.susam.inloggning.errors.ErrorMessages;

/**
 * "Testa din e-legitimation" (SPEC §3.1): a login method run in test mode ends here instead of in
 * {@link LoginCompletion}. It shows what the e-ID proved and whether a valid behörighet exists, so
 * a user can tell a broken e-ID from missing access — and starts no session.
 */
@Component
public class EidTestPage {

    /** One fact the e-ID gave, e.g. issuer or validity; {@code labelKey} is a message key. */
    public record Detail(String labelKey, String value) {
    }

    private final AccessGate gate;
    private final ErrorMessages messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EidTestPage(AccessGate gate, ErrorMessages messages, ApplicationEventPublisher events, Clock clock) {
        this.gate = gate;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    /** Fills the model for the result page and returns its view. */
    public String show(AuthenticatedIdentity identity, String nameFromEid, List<Detail> details, String clientIp,
                       Model model, Locale locale) {
        AccessDecision decision = gate.decide(identity.personnummer());
        model.addAttribute("method", identity.method());
        model.addAttribute("personnummer", identity.personnummer().masked());
        model.addAttribute("details", details);
        switch (decision) {
            case AccessDecision.Granted granted -> {
                model.addAttribute("name", granted.person().fullName());
                model.addAttribute("grants", granted.validGrants().stream()
                        .map(g -> g.organisation().name()).distinct().toList());
            }
            case AccessDecision.Denied denied -> {
                model.addAttribute("name", denied.person().map(p -> p.fullName()).orElse(nameFromEid));
                model.addAttribute("accessError", messages.show(denied.reason(), null, locale));
            }
        }
        events.publishEvent(new AuditRecord(clock.instant(), "EID_TEST", identity.method().name(), "SUCCESS", null,
                identity.personnummer(), identity.personnummer().masked(), clientIp, CorrelationId.current(), null));
        return "login/eid-test-result";
    }
}
