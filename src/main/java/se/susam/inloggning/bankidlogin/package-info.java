/**
 * Login with BankID and Mobilt BankID (BankID RP API v6.0 through {@link se.susam.inloggning.bankid}).
 * The user chooses the device in BankID's words (RFA19/RFA20); on this device the app is started
 * with the autostart token, on another device an animated QR code is shown. The browser polls our
 * server every second; the server calls {@code /collect} at most once per two seconds per order,
 * whichever node or tab polls, because the time of the last collect is claimed in the database.
 * {@link se.susam.inloggning.bankidlogin.BankIdLoginService} holds the rules and knows no servlet
 * API; the proven personnummer ends in {@link se.susam.inloggning.login.LoginCompletion} like every
 * other method.
 */
@org.springframework.modulith.ApplicationModule(displayName = "BankID login")
package se.susam.inloggning.bankidlogin;
