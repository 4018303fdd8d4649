package se.susam.inloggning.demo;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sus.bench.*}, read only by the {@code bench} profile.
 *
 * @param users how many benchmark persons to seed ({@link BenchPopulation#user} 0 to users − 1)
 */
@Validated
@ConfigurationProperties("sus.bench")
record BenchProperties(@DefaultValue("1000") @Min(1) @Max(BenchPopulation.MAX_USERS) int users) {
}
