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
 * per request cost more than the poll's own work; they are timed by {@code sus.bankid.polls} instead
 * (tag {@code answer}: {@code status} or {@code qr}).
 */
@Configuration(proxyBeanMethods = false)
class BankIdPollConfiguration {

    @Bean
    FilterRegistrationBean<BankIdStatusFilter> bankIdStatusFilter(BankIdPolls polls, LocaleResolver locales,
                                                                  MeterRegistry meters) {
        var registration = new FilterRegistrationBean<>(new BankIdStatusFilter(polls, locales,
                timer(meters, "status"), timer(meters, "qr")));
        registration.addUrlPatterns(BankIdStatusFilter.PATH, BankIdStatusFilter.QR_PATH);
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 10);
        return registration;
    }

    private static Timer timer(MeterRegistry meters, String answer) {
        return Timer.builder("sus.bankid.polls").tag("answer", answer)
                .description("The BankID waiting page's polls (status, QR code), answered ahead of the session")
                .register(meters);
    }

    @Bean
    ObservationPredicate bankIdPollsUnobserved() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && BankIdStatusFilter.answers(request.getCarrier()));
    }
}
