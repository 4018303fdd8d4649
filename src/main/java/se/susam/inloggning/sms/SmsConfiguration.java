package se.susam.inloggning.sms;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** Chooses the {@link SmsGateway} from {@code sus.sms.gateway} (and {@code sus.sms.fallback}). */
@Configuration(proxyBeanMethods = false)
class SmsConfiguration {

    @Bean
    SmsGateway smsGateway(SmsProperties properties, Environment environment, JdbcClient jdbc, Clock clock,
                          SmsDeliveries deliveries) {
        return switch (properties.gateway()) {
            case OUTBOX -> {
                if (!environment.acceptsProfiles(Profiles.of("demo", "test", "bench"))) {
                    throw new IllegalStateException(
                            "sus.sms.gateway=outbox only sends to the demo outbox and is allowed only in the demo "
                                    + "profile (and the load benchmark's bench profile); configure a real SMS operator "
                                    + "for production");
                }
                yield new OutboxSmsGateway(jdbc, clock);
            }
            case SMPP, HTTP -> FailoverSmsGateway.of(properties, deliveries, clock);
        };
    }

    @Bean
    SmsDeliveries smsDeliveries(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        return new SmsDeliveries(jdbc, transactions, clock);
    }

    @Bean
    SmsTemplates smsTemplates(SmsProperties properties) {
        return new SmsTemplates(properties.templates());
    }
}
