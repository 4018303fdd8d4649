package se.susam.inloggning.incident;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sus.incident.*}
 *
 * @param reportsPerAddress reports one client address may file within {@code rateWindow}
 * @param rateWindow        the sliding window of the rate limit
 * @param timeZone          the time zone users give and read times in (Swedish time)
 * @param trustedProxies    reverse proxies (IP or CIDR) whose {@code X-Forwarded-For} names the client
 */
@Validated
@ConfigurationProperties("sus.incident")
record IncidentProperties(@DefaultValue("5") @Min(value = 1,
        message = "sus.incident.reports-per-address must be at least 1") int reportsPerAddress,
                          @DefaultValue("1h") @NotNull Duration rateWindow,
                          @DefaultValue("Europe/Stockholm") @NotNull ZoneId timeZone,
                          @DefaultValue({}) List<String> trustedProxies) {

    @AssertTrue(message = "sus.incident.trusted-proxies must be IP addresses or CIDR ranges")
    boolean isTrustedProxiesValid() {
        return trustedProxies == null || trustedProxies.stream().allMatch(ClientAddresses::isIpOrCidr);
    }

    @AssertTrue(message = "sus.incident.rate-window must be positive")
    boolean isRateWindowPositive() {
        return rateWindow == null || rateWindow.isPositive();
    }
}
