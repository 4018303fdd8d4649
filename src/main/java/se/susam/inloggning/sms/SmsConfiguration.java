package se.susam.inloggning.sms;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Chooses the {@link SmsGateway} from {@code sus.sms.gateway}. */
@Configuration(proxyBeanMethods = false)
class SmsConfiguration {

    @Bean
    SmsGateway smsGateway(SmsProperties properties, Environment environment, JdbcClient jdbc, Clock clock) {
        return switch (properties.gateway()) {
            case OUTBOX -> {
                if (!environment.acceptsProfiles(Profiles.of("demo", "test", "bench"))) {
                    throw new IllegalStateException(
                            "sus.sms.gateway=outbox only sends to the demo outbox and is allowed only in the demo "
                                    + "and bench profiles; configure a real SMS operator for production");
                }
                yield new OutboxSmsGateway(jdbc, clock);
            }
        };
    }
}
