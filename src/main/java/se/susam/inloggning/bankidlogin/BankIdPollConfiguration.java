package se.susam.inloggning.bankidlogin;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.servlet.LocaleResolver;

/** The waiting page's status poll, ahead of the session store's filter and so of Spring Security's. */
@Configuration(proxyBeanMethods = false)
class BankIdPollConfiguration {

    @Bean
    FilterRegistrationBean<BankIdStatusFilter> bankIdStatusFilter(BankIdPolls polls, LocaleResolver locales) {
        var registration = new FilterRegistrationBean<>(new BankIdStatusFilter(polls, locales));
        registration.addUrlPatterns(BankIdStatusFilter.PATH);
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 10);
        return registration;
    }
}
