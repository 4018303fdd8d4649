package se.susam.inloggning.bankidlogin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import se.susam.inloggning.bankid.RpApi;

/** Wrong BankID settings stop start-up with a message that names the setting. */
class BankIdConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(BankIdProperties.class)
    @Import(BankIdConfiguration.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class);

    @Test
    void startWhenApiUrlIsMissingThenFailsNamingIt() {
        context.run(started -> assertThat(started).getFailure().rootCause()
                .hasMessageContaining("sus.bankid.api-url"));
    }

    @Test
    void startWhenHttpsWithoutCertificateFilesThenFailsNamingThem() {
        context.withPropertyValues("sus.bankid.api-url=https://appapi2.test.bankid.com/rp/v6.0/",
                        "sus.bankid.rp-certificate=/nonexistent/FPTestcert5.p12")
                .run(started -> assertThat(started).getFailure().rootCause()
                        .hasMessageContaining("sus.bankid.rp-certificate"));
    }

    @Test
    void startWhenCollectIntervalIsBelowTwoSecondsThenFailsNamingIt() {
        context.withPropertyValues("sus.bankid.api-url=/dev/bankid/rp/v6.0/", "sus.bankid.collect-interval=1s",
                        "spring.profiles.active=test")
                .run(started -> assertThat(started).getFailure().rootCause()
                        .hasMessageContaining("sus.bankid.collect-interval"));
    }

    @Test
    void startWhenSimulatorOutsideTheDemoProfileThenFailsNamingTheSetting() {
        context.withPropertyValues("sus.bankid.api-url=/dev/bankid/rp/v6.0/")
                .run(started -> assertThat(started).getFailure().rootCause()
                        .hasMessageContaining("sus.bankid.api-url=/dev/bankid/rp/v6.0/")
                        .hasMessageContaining("demo profile"));
    }

    @Test
    void startWhenSimulatorInTheDemoProfileThenTheClientIsReady() {
        context.withPropertyValues("sus.bankid.api-url=/dev/bankid/rp/v6.0/", "spring.profiles.active=demo")
                .run(started -> assertThat(started).hasNotFailed().hasSingleBean(RpApi.class));
    }
}
