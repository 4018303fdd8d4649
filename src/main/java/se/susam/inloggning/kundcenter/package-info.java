/**
 * Kundcenter för partner in the console: find a person by personnummer and see their access,
 * login methods, lock state, recent login attempts, incident reports and SMS deliveries; unlock a
 * locked SMS login; send a new master password as a flash SMS after the identity check of the
 * support page (SPEC §3.4, §3.5), or after the caller has identified with BankID on their phone;
 * and read the audit trail of console actions and logins. Every action is audited with the staff
 * member as actor and the caller as subject.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Kundcenter")
package se.susam.inloggning.kundcenter;
