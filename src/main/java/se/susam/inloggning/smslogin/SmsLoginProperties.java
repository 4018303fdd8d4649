package se.susam.inloggning.smslogin;

import java.time.Duration;
import java.util.Base64;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sus.sms-login.*}
 *
 * @param codeKey         Base64 key (at least 32 bytes) for the HMAC that binds a stored one-time
 *                        code to its transaction and person; the same on every node
 * @param codeValidity    how long a one-time code is valid
 * @param maxCodeAttempts wrong codes that void a login transaction
 * @param resendCooldown  shortest time between two codes for one transaction
 * @param hourlyCodeCap   codes one person can be sent in an hour
 * @param originHost      the host in the SMS's last line {@code @host #code} (WebOTP autofill)
 */
@Validated
@ConfigurationProperties("sus.sms-login")
public record SmsLoginProperties(@NotBlank(message = "set sus.sms-login.code-key to a Base64 key of at least 32 bytes")
                                 String codeKey,
                                 @DefaultValue("5m") @NotNull Duration codeValidity,
                                 @DefaultValue("3") @Min(1) int maxCodeAttempts,
                                 @DefaultValue("30s") @NotNull Duration resendCooldown,
                                 @DefaultValue("5") @Min(1) int hourlyCodeCap,
                                 @DefaultValue("localhost") @NotBlank String originHost) {

    @AssertTrue(message = "sus.sms-login.code-key must be Base64 of at least 32 bytes")
    boolean isCodeKeyStrong() {
        try {
            return codeKey == null || Base64.getDecoder().decode(codeKey).length >= 32;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    byte[] codeKeyBytes() {
        return Base64.getDecoder().decode(codeKey);
    }
}
