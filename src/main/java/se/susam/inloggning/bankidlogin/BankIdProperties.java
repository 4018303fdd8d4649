package se.susam.inloggning.bankidlogin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sus.bankid.*}
 *
 * @param apiUrl              the RP API, e.g. {@code https://appapi2.test.bankid.com/rp/v6.0/}; a path
 *                            such as {@code /dev/bankid/rp/v6.0/} means the simulator on this server
 *                            (demo and test profiles only)
 * @param rpCertificate       the relying party's PKCS#12 (required for https)
 * @param rpCertificatePassword its password
 * @param rootCa              BankID's root CA certificate, PEM or DER (required for https): the only
 *                            trust anchor for the RP API
 * @param connectTimeout      connecting to the RP API
 * @param requestTimeout      one call to the RP API
 * @param maxAttempts         tries of a call BankID answers with maintenance or tooManyRequests
 * @param initialBackoff      wait before the second try, doubled before each further one
 * @param collectInterval     shortest time between two collects of one order (BankID: 2 s)
 * @param pollCollectWait     how long a status poll that started a collect waits for BankID's answer
 *                            before answering from what it knew (the next poll tells the rest)
 * @param restartWindow       a {@code startFailed} order is silently replaced by a new one while
 *                            the login is younger than this
 * @param desktopAppUrl       how a computer starts the BankID app ({@code bankid:///})
 * @param mobileAppUrl        how a phone starts it ({@code https://app.bankid.com/})
 * @param certificatePolicies BankID types allowed (empty: BankID's default)
 * @param trustedProxies      IP addresses of our own reverse proxies, whose X-Forwarded-For is
 *                            believed when finding the user's IP (endUserIp)
 * @param userVisibleText     the text the BankID app shows while identifying
 */
@Validated
@ConfigurationProperties("sus.bankid")
public record BankIdProperties(
        @NotBlank(message = "set sus.bankid.api-url (https://appapi2.bankid.com/rp/v6.0/ in production, "
                + "/dev/bankid/rp/v6.0/ for the demo simulator)") String apiUrl,
        Path rpCertificate,
        String rpCertificatePassword,
        Path rootCa,
        @DefaultValue("5s") @NotNull Duration connectTimeout,
        @DefaultValue("10s") @NotNull Duration requestTimeout,
        @DefaultValue("3") @Min(1) int maxAttempts,
        @DefaultValue("500ms") @NotNull Duration initialBackoff,
        @DefaultValue("2s") @NotNull Duration collectInterval,
        @DefaultValue("25ms") @NotNull Duration pollCollectWait,
        @DefaultValue("3m") @NotNull Duration restartWindow,
        @DefaultValue("bankid:///") @NotBlank String desktopAppUrl,
        @DefaultValue("https://app.bankid.com/") @NotBlank String mobileAppUrl,
        @DefaultValue("") List<String> certificatePolicies,
        @DefaultValue("") List<String> trustedProxies,
        @DefaultValue("Inloggning till SUS") @NotBlank String userVisibleText) {

    /** The API on this server (the simulator) rather than BankID. */
    boolean isLocalSimulator() {
        return apiUrl != null && apiUrl.startsWith("/");
    }

    @AssertTrue(message = "sus.bankid.rp-certificate, rp-certificate-password and root-ca must name readable "
            + "files when sus.bankid.api-url is https")
    boolean isTlsMaterialPresent() {
        if (apiUrl == null || !apiUrl.startsWith("https://")) {
            return true;
        }
        return rpCertificate != null && Files.isReadable(rpCertificate) && rpCertificatePassword != null
                && rootCa != null && Files.isReadable(rootCa);
    }

    @AssertTrue(message = "sus.bankid.collect-interval must be at least 2s (BankID RP API v6.0, collect)")
    boolean isCollectIntervalAtLeastTwoSeconds() {
        return collectInterval == null || collectInterval.compareTo(Duration.ofSeconds(2)) >= 0;
    }
}
