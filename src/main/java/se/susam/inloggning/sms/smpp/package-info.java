/**
 * The SMPP 3.4 operator client, on jsmpp: bind, {@code submit_sm}, flash SMS as message class 0,
 * delivery receipts, {@code enquire_link} and reconnection. No Spring here.
 */
package se.susam.inloggning.sms.smpp;
