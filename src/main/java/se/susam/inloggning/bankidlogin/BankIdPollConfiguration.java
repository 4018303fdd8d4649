package se.susam.inloggning.bankidlogin;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.ObservationPredicate;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The waiting page's status poll, ahead of the session store's filter and so of Spring Security's.
 * Polls are the most frequent request by far (one a second per waiting browser), so they are kept
 * out of the general {@code http.server.requests} observation, whose context, tags and timer lookup
 * per request cost more than the poll's own work; they are timed by {@code sus.bankid.polls} instead.
 */
@Configuration(proxyBeanMethods = false)
class BankIdPollConfiguration {

    @Bean
    FilterRegistrationBean<BankIdStatusFilter> bankIdStatusFilter(BankIdPolls polls, LocaleResolver locales,
                                                                  MeterRegistry meters) {
        Timer timer = Timer.builder("sus.bankid.polls")
                .description("The BankID waiting page's status polls, answered ahead of the session")
                .register(meters);
        var registration = new FilterRegistrationBean<>(new BankIdStatusFilter(polls, locales, timer));
        registration.addUrlPatterns(BankIdStatusFilter.PATH);
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 10);
        return registration;
    }

    @Bean
    ObservationPredicate bankIdPollsUnobserved() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && BankIdStatusFilter.PATH.equals(request.getCarrier().getRequestURI()
                        .substring(request.getCarrier().getContextPath().length())));
    }
}
