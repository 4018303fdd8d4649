package se.susam.inloggning.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** {@code sus.sms.*} is checked at start-up; a wrong setting stops it with a message naming the setting. */
class SmsPropertiesTest {

    private static final String[] SMPP_ACCOUNT = {
            "sus.sms.smpp.host=smsc.example.se", "sus.sms.smpp.system-id=sus", "sus.sms.smpp.password=pw"};
    private static final String[] HTTP_ACCOUNT = {
            "sus.sms.http.url=https://api.example.se/a1/sms", "sus.sms.http.username=u", "sus.sms.http.password=p",
            "sus.sms.http.callback-base-url=https://sus.example.se",
            "sus.sms.http.callback-secret=0123456789abcdefghijklmnopqrstuv"};

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(PropertiesOnly.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SmsProperties.class)
    static class PropertiesOnly {
    }

    @Test
    void startWhenSmppWithHttpFallbackIsCompleteThenBindsWithDefaults() {
        runner.withPropertyValues(concat(SMPP_ACCOUNT, HTTP_ACCOUNT, "sus.sms.gateway=smpp", "sus.sms.fallback=http"))
                .run(context -> {
                    SmsProperties properties = context.getBean(SmsProperties.class);
                    assertThat(properties.sender()).isEqualTo("SUS");
                    assertThat(properties.smpp().port()).isEqualTo(2775);
                    assertThat(properties.smpp().bindType()).isEqualTo(SmsProperties.Smpp.BindType.TRANSCEIVER);
                    assertThat(properties.http().deliveryCallbackUrl())
                            .hasToString("https://sus.example.se/sms/delivery/0123456789abcdefghijklmnopqrstuv");
                    assertThat(properties.smpp().toString()).doesNotContain("pw");
                });
    }

    @Test
    void startWhenGatewayIsMissingThenFailsNamingIt() {
        assertStartFails("set sus.sms.gateway");
    }

    @Test
    void startWhenTemplateIsLongerThanOneGsmSmsThenFailsNamingTheTemplate() {
        assertStartFails("sus.sms.templates.new-master-password must contain {password} and fit one SMS",
                "sus.sms.gateway=outbox", "sus.sms.templates.new-master-password=Nytt lösenord {password} " + "x".repeat(140));
    }

    @Test
    void startWhenTemplateNeedsUcs2AndIsLongerThan70ThenFailsNamingTheTemplate() {
        assertStartFails("sus.sms.templates.master-password must contain {password} and fit one SMS",
                "sus.sms.gateway=outbox", "sus.sms.templates.master-password=Пароль {password} " + "я".repeat(55));
    }

    @Test
    void startWhenTemplateLacksThePasswordThenFailsNamingTheTemplate() {
        assertStartFails("sus.sms.templates.master-password must contain {password}",
                "sus.sms.gateway=outbox", "sus.sms.templates.master-password=Ditt lösenord kommer snart");
    }

    @Test
    void startWhenSmppIsChosenWithoutAnAccountThenFailsNamingTheSmppSettings() {
        assertStartFails("set sus.sms.smpp.host, sus.sms.smpp.system-id and sus.sms.smpp.password",
                "sus.sms.gateway=smpp");
    }

    @Test
    void startWhenSmppAccountLacksTheHostThenFailsNamingTheHost() {
        assertStartFails("set sus.sms.smpp.host",
                "sus.sms.gateway=smpp", "sus.sms.smpp.system-id=sus", "sus.sms.smpp.password=pw");
    }

    @Test
    void startWhenHttpFallbackHasAShortCallbackSecretThenFailsNamingIt() {
        assertStartFails("sus.sms.http.callback-secret must be at least 32 characters",
                concat(SMPP_ACCOUNT, HTTP_ACCOUNT, "sus.sms.gateway=smpp", "sus.sms.fallback=http",
                        "sus.sms.http.callback-secret=short"));
    }

    @Test
    void startWhenFallbackIsTheGatewayItselfThenFailsNamingTheFallback() {
        assertStartFails("sus.sms.fallback must be the other real operator",
                concat(SMPP_ACCOUNT, new String[0], "sus.sms.gateway=smpp", "sus.sms.fallback=smpp"));
    }

    @Test
    void startWhenSenderIsTooLongThenFailsNamingTheSender() {
        assertStartFails("sus.sms.sender must be an alphanumeric sender id",
                "sus.sms.gateway=outbox", "sus.sms.sender=Forsakringskassan");
    }

    private void assertStartFails(String expectedMessage, String... properties) {
        runner.withPropertyValues(properties).run(context -> {
            assertThat(context).hasFailed();
            String messages = Stream.iterate(context.getStartupFailure(), e -> e != null, Throwable::getCause)
                    .map(Throwable::getMessage).reduce("", (a, b) -> a + "\n" + b);
            assertThat(messages).contains(expectedMessage);
        });
    }

    private static String[] concat(String[] first, String[] second, String... more) {
        return Stream.of(first, second, more).flatMap(Stream::of).toArray(String[]::new);
    }
}
