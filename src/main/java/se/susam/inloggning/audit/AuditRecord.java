package se.susam.inloggning.audit;

import java.time.Instant;

import se.susam.inloggning.identity.Personnummer;

/**
 * One line of the audit trail: a domain event published by the module where it happened.
 *
 * @param type      what happened, e.g. {@code LOGIN_PASSWORD}, {@code LOGIN_CODE}, {@code LOGIN}
 * @param method    the login method, or {@code null} for staff actions
 * @param outcome   {@code SUCCESS}, {@code FAILURE} or {@code DENIED}
 * @param errorCode the registered error code the user saw, or {@code null}
 * @param subject   whose login or record it concerns (stored in full: it is the audit subject)
 * @param actor     who did it: the subject for a login, the staff member for a console action
 * @param details   short, free of secrets, codes and phone numbers
 */
public record AuditRecord(Instant occurredAt, String type, String method, String outcome, String errorCode,
                          Personnummer subject, String actor, String clientIp, String correlationId,
                          String details) {
}
