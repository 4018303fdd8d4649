package se.susam.inloggning.sms.operator;

import java.time.Instant;
import java.util.Objects;

import se.susam.inloggning.sms.SmsDeliveryStatus;

/**
 * What an operator reported about a message it accepted.
 *
 * @param operatorMessageId the id the operator gave the message when it accepted it
 * @param status            the new status
 * @param detail            the operator's own words for it (SMPP {@code stat}/{@code err}, HTTP status), never text
 * @param at                when the operator says it happened, or when the report arrived
 */
public record DeliveryReport(String operatorMessageId, SmsDeliveryStatus status, String detail, Instant at) {

    public DeliveryReport {
        Objects.requireNonNull(operatorMessageId, "operatorMessageId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
    }
}
