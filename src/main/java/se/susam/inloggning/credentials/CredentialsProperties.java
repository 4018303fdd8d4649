package se.susam.inloggning.credentials;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sus.credentials.*}: Argon2id cost and the lockout policy.
 *
 * @param argon2  cost of new hashes; existing hashes keep the parameters stored with them
 * @param lockout failure counter policy (NIST SP 800-63B §5.2.2: at most 100 consecutive failures)
 */
@Validated
@ConfigurationProperties("sus.credentials")
public record CredentialsProperties(@Valid @NotNull @DefaultValue Argon2 argon2,
                                    @Valid @NotNull @DefaultValue Lockout lockout) {

    /** {@code sus.credentials.argon2.*} */
    public record Argon2(@DefaultValue("7168") @Min(value = 7168,
            message = "sus.credentials.argon2.memory-kib must be at least 7168 (OWASP minimum)") int memoryKib,
                         @DefaultValue("5") @Min(1) int iterations,
                         @DefaultValue("1") @Min(1) int parallelism) {

        public Argon2Parameters parameters() {
            return new Argon2Parameters(memoryKib, iterations, parallelism);
        }
    }

    /**
     * {@code sus.credentials.lockout.*}
     *
     * @param freeAttempts   failures before the first temporary lock
     * @param firstWait      the first temporary lock; each further failure doubles it
     * @param maxWait        the longest temporary lock
     * @param permanentAfter failures after which only customer service can unlock
     */
    public record Lockout(@DefaultValue("4") @Min(1) int freeAttempts,
                          @DefaultValue("1m") @NotNull Duration firstWait,
                          @DefaultValue("1h") @NotNull Duration maxWait,
                          @DefaultValue("20") @Min(2) @Max(value = 100,
            message = "sus.credentials.lockout.permanent-after must be at most 100 (NIST SP 800-63B §5.2.2)")
                          int permanentAfter) {
    }
}
