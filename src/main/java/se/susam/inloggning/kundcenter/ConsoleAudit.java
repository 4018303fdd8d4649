package se.susam.inloggning.kundcenter;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import se.susam.inloggning.audit.AuditRecord;
import se.susam.inloggning.errors.CorrelationId;
import se.susam.inloggning.errors.ErrorCode;
import se.susam.inloggning.identity.Personnummer;
import se.susam.inloggning.login.SusPrincipal;

/**
 * Publishes Kundcenter's actions to the audit trail: the staff member as actor (masked
 * personnummer and name, as the driftinformation console does), the caller as subject, and
 * details in short before/after form, never a password or a full phone number.
 */
@Component
class ConsoleAudit {

    private final ApplicationEventPublisher events;
    private final Clock clock;

    ConsoleAudit(ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    void success(String type, SusPrincipal staff, Personnummer subject, String clientIp, String details) {
        publish(type, "SUCCESS", null, staff, subject, clientIp, details);
    }

    void refused(String type, ErrorCode code, SusPrincipal staff, Personnummer subject, String clientIp,
                 String details) {
        publish(type, code.httpStatus() >= 500 ? "FAILURE" : "DENIED", code, staff, subject, clientIp, details);
    }

    private void publish(String type, String outcome, ErrorCode code, SusPrincipal staff, Personnummer subject,
                         String clientIp, String details) {
        events.publishEvent(new AuditRecord(clock.instant(), type, null, outcome, code == null ? null : code.code(),
                subject, staff.auditActor(), clientIp, CorrelationId.current(), details));
    }
}
