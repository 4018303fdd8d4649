/**
 * What every login method ends in and the one place that turns it into a SUS session: an
 * {@link se.susam.inloggning.login.AuthenticatedIdentity} (proven personnummer + method) passes
 * the access gate in {@link se.susam.inloggning.login.LoginCompletion}, which either starts a new
 * session or shows "Du saknar behörighet till SUS". Also the session lifetime rules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Login core")
package se.susam.inloggning.login;
