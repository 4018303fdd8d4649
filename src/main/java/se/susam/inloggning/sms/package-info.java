/**
 * Sending SMS. Everything goes through {@link se.susam.inloggning.sms.SmsGateway}: real operators
 * over SMPP 3.4 ({@code sms.smpp}) or an HTTP API ({@code sms.http}) with failover from one to the
 * other, or, in the demo profile, the outbox whose messages a tester reads at {@code /dev/sms}.
 * {@link se.susam.inloggning.sms.SmsDeliveries} tells what became of each message an operator
 * accepted; {@link se.susam.inloggning.sms.SmsTemplates} holds the configured texts. Message text
 * never reaches a log.
 */
@org.springframework.modulith.ApplicationModule(displayName = "SMS")
package se.susam.inloggning.sms;
