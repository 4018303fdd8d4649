package se.susam.inloggning.kundcenter;

import org.springframework.stereotype.Component;

import se.susam.inloggning.console.StaffAudit;
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

    private final StaffAudit audit;

    ConsoleAudit(StaffAudit audit) {
        this.audit = audit;
    }

    void success(String type, SusPrincipal staff, Personnummer subject, String clientIp, String details) {
        audit.record(type, "SUCCESS", null, staff, subject, clientIp, details);
    }

    void refused(String type, ErrorCode code, SusPrincipal staff, Personnummer subject, String clientIp,
                 String details) {
        audit.record(type, code.httpStatus() >= 500 ? "FAILURE" : "DENIED", code, staff, subject, clientIp, details);
    }
}
