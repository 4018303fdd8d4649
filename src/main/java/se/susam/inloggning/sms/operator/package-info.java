/**
 * What the SMS operator clients ({@code sms.smpp}, {@code sms.http}) share: the
 * {@link se.susam.inloggning.sms.operator.SmsOperator} they implement, the
 * {@link se.susam.inloggning.sms.operator.DeliveryReport} they produce and the alphabets and segment
 * limits of an SMS. Internal to the SMS module.
 */
package se.susam.inloggning.sms.operator;
