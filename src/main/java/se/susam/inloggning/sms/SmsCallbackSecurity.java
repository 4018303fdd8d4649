package se.susam.inloggning.sms;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The operator's delivery reports reach {@link SmsDeliveryCallbackController} from the operator's
 * servers: no login, no session, no CSRF token. This chain covers that path only and runs before the
 * application's own, which keeps CSRF protection on every other POST. The secret in the path is the
 * operator's credential.
 */
@Configuration(proxyBeanMethods = false)
class SmsCallbackSecurity {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain smsDeliveryCallbackChain(HttpSecurity http) throws Exception {
        http.securityMatcher(SmsDeliveryCallbackController.PATH_PREFIX + "**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable);
        return http.build();
    }
}
