package se.susam.inloggning.sms;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sus.sms.*}
 *
 * @param gateway which gateway sends SMS; must be set. {@code outbox} stores messages in the
 *                database for the demo page {@code /dev/sms} and is refused outside the demo profile.
 */
@Validated
@ConfigurationProperties("sus.sms")
public record SmsProperties(@NotNull(message = "set sus.sms.gateway (outbox in the demo profile)") Gateway gateway) {

    /** The available gateways. Real operators (SMPP, HTTP) are added beside the outbox. */
    public enum Gateway {
        OUTBOX
    }
}
