/**
 * The append-only audit trail: every login attempt and every staff action. Other modules publish
 * {@link se.susam.inloggning.audit.AuditRecord}s; this module stores them in the same transaction
 * as the change they describe. The database refuses UPDATE and DELETE on the table.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit trail")
package se.susam.inloggning.audit;
