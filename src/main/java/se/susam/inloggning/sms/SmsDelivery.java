package se.susam.inloggning.sms;

import java.time.Instant;

import se.susam.inloggning.identity.PhoneNumber;

/**
 * One SMS an operator accepted, and what it has reported since.
 *
 * @param gateway           the operator that accepted it
 * @param operatorMessageId the operator's id of the message (quote it to the operator's support)
 * @param to                the recipient
 * @param flash             sent as a flash SMS (message class 0)
 * @param status            the latest status
 * @param operatorStatus    the operator's own words for the latest status, if it gave any
 * @param submittedAt       when the operator accepted it
 * @param statusAt          when the latest status was reported
 */
public record SmsDelivery(SmsProperties.Gateway gateway, String operatorMessageId, PhoneNumber to, boolean flash,
                          SmsDeliveryStatus status, String operatorStatus, Instant submittedAt, Instant statusAt) {
}
