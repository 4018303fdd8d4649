package se.susam.inloggning.orders;

import org.springframework.stereotype.Component;

import se.susam.inloggning.console.StaffAudit;
import se.susam.inloggning.errors.ErrorCode;
import se.susam.inloggning.errors.SusException;
import se.susam.inloggning.identity.Personnummer;

/**
 * Audits every console action on orders and grants. The subject is the ordered person; details are
 * short before/after facts, never a password and only masked mobile numbers.
 */
@Component
class OrderAudit {

    private final StaffAudit audit;

    OrderAudit(StaffAudit audit) {
        this.audit = audit;
    }

    void success(String type, Personnummer subject, ConsoleStaff staff, String clientIp, String details) {
        record(type, "SUCCESS", null, subject, staff, clientIp, details);
    }

    void failure(String type, ErrorCode code, Personnummer subject, ConsoleStaff staff, String clientIp,
                 String details) {
        record(type, "FAILURE", code, subject, staff, clientIp, details);
    }

    /** Audits a refusal and returns the exception that shows it. */
    SusException denied(String type, ErrorCode code, Personnummer subject, ConsoleStaff staff, String clientIp,
                        String details) {
        record(type, "DENIED", code, subject, staff, clientIp, details);
        return new SusException(code);
    }

    private void record(String type, String outcome, ErrorCode code, Personnummer subject, ConsoleStaff staff,
                        String clientIp, String details) {
        audit.record(type, outcome, code, staff.principal(), subject, clientIp, details);
    }
}
