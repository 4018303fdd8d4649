package se.susam.inloggning.console;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import se.susam.inloggning.audit.AuditRecord;
import se.susam.inloggning.errors.CorrelationId;
import se.susam.inloggning.errors.ErrorCode;
import se.susam.inloggning.identity.Personnummer;
import se.susam.inloggning.login.SusPrincipal;

/**
 * The one way a staff member's console action, or a refusal of one, lands in the audit trail: the
 * staff member as actor ({@link SusPrincipal#auditActor()}), no login method, the time, the
 * request's correlation id, and short details that never hold a password or a full phone number.
 */
@Component
public class StaffAudit {

    private final ApplicationEventPublisher events;
    private final Clock clock;

    StaffAudit(ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param outcome {@code SUCCESS}, {@code FAILURE} or {@code DENIED}
     * @param code    the error code the staff member saw, or {@code null}
     * @param subject whose record the action concerns, or {@code null}
     */
    public void record(String type, String outcome, ErrorCode code, SusPrincipal staff, Personnummer subject,
                       String clientIp, String details) {
        events.publishEvent(new AuditRecord(clock.instant(), type, null, outcome, code == null ? null : code.code(),
                subject, staff.auditActor(), clientIp, CorrelationId.current(), details));
    }
}
