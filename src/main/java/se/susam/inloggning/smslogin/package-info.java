/**
 * SMS-inloggning exactly as the support page describes it: personnummer and masterlösenord, then a
 * one-time code sent by SMS ("Your OTP: …") typed on the page "Skriv in ditt engångslösen".
 * {@link se.susam.inloggning.smslogin.SmsLoginService} holds the rules and knows no servlet API;
 * the controller only turns HTTP into calls and results into pages. Login transactions live in the
 * database, so step 2 may be served by another node than step 1.
 */
@org.springframework.modulith.ApplicationModule(displayName = "SMS login")
package se.susam.inloggning.smslogin;
