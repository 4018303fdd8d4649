/**
 * Sending SMS. Everything goes through {@link se.susam.inloggning.sms.SmsGateway}; the demo profile
 * uses the outbox gateway, whose messages a tester reads at {@code /dev/sms}. Message text never
 * reaches a log.
 */
@org.springframework.modulith.ApplicationModule(displayName = "SMS")
package se.susam.inloggning.sms;
