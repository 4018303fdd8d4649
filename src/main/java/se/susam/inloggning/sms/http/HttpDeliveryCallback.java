package se.susam.inloggning.sms.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import se.susam.inloggning.sms.SmsDeliveryStatus;
import se.susam.inloggning.sms.operator.DeliveryReport;

/**
 * The HTTP operator's delivery report (46elks "SMS delivery reports"): a form POST to the
 * {@code whendelivered} address with {@code id}, {@code status} ({@code sent}, {@code delivered} or
 * {@code failed}) and, when delivered, {@code delivered} (UTC). The address carries a secret that
 * only this service and the operator know.
 */
public final class HttpDeliveryCallback {

    private HttpDeliveryCallback() {
    }

    /**
     * Whether {@code presented} is the callback secret. Both are hashed first, so the comparison
     * takes the same time whatever the presented value is and wherever it differs.
     */
    public static boolean secretMatches(String expected, String presented) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(sha256(expected), sha256(presented));
    }

    /**
     * The report the form fields describe.
     *
     * @throws IllegalArgumentException if the id is missing or the status is not one the API sends
     */
    public static DeliveryReport report(String id, String status, String delivered, Clock clock) {
        if (id == null || id.isBlank() || id.length() > 100) {
            throw new IllegalArgumentException("delivery report without a usable id");
        }
        SmsDeliveryStatus deliveryStatus = switch (status == null ? "" : status) {
            case "sent" -> SmsDeliveryStatus.SUBMITTED;
            case "delivered" -> SmsDeliveryStatus.DELIVERED;
            case "failed" -> SmsDeliveryStatus.FAILED;
            default -> throw new IllegalArgumentException("unknown delivery status");
        };
        return new DeliveryReport(id, deliveryStatus, status, deliveredAt(delivered, clock));
    }

    private static Instant deliveredAt(String delivered, Clock clock) {
        if (delivered == null || delivered.isBlank()) {
            return clock.instant();
        }
        try {
            return LocalDateTime.parse(delivered.trim().replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return clock.instant();
        }
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
