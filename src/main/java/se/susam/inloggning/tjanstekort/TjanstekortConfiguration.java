package se.susam.inloggning.tjanstekort;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Tjänstekort login, when {@code sus.certificate-login.enabled=true}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "sus.certificate-login.enabled", havingValue = "true")
class TjanstekortConfiguration {

    /** The demo profile creates the demo CA and cards first, when they are not in ./data yet. */
    @Bean
    IssuerTrusts issuerTrusts(CertificateLoginProperties properties, ObjectProvider<DemoCertificates> demo) {
        demo.ifAvailable(DemoCertificates::ensureCreated);
        return new IssuerTrusts(properties.issuers());
    }

    @Bean
    CertificateLoginService certificateLoginService(CertificateLoginProperties properties,
                                                    ApplicationEventPublisher events, Clock clock) {
        RevocationChecker revocation = new RevocationChecker(properties.revocation(), clock);
        return new CertificateLoginService(
                new CertificateValidator(revocation, clock, properties.revocation().failOpen()), events, clock);
    }

    @Bean
    FilterRegistrationBean<ProxyCertificateHeaderFilter> proxyCertificateHeaderFilter(
            CertificateLoginProperties properties) {
        var registration = new FilterRegistrationBean<>(new ProxyCertificateHeaderFilter(properties.proxy()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    @ConditionalOnProperty(name = "sus.certificate-login.tls-connector", havingValue = "true", matchIfMissing = true)
    CertificateConnector certificateConnector(CertificateLoginProperties properties, IssuerTrusts issuers) {
        return new CertificateConnector(properties, issuers);
    }

    @Bean
    @ConditionalOnProperty(name = "sus.certificate-login.tls-connector", havingValue = "true", matchIfMissing = true)
    FilterRegistrationBean<CertificatePortFilter> certificatePortFilter(CertificateLoginProperties properties) {
        var registration = new FilterRegistrationBean<>(
                new CertificatePortFilter(properties.port(), properties.siteUrl()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
