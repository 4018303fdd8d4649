package se.susam.inloggning;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpFilter;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.session.autoconfigure.SessionTimeout;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.session.FlushMode;
import org.springframework.session.SaveMode;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import se.susam.inloggning.console.AuditedAccessDenial;
import se.susam.inloggning.login.LoginContinuations;
import se.susam.inloggning.login.LoginCookies;
import se.susam.inloggning.login.SessionAttributeCodec;
import se.susam.inloggning.login.SessionEndingLogoutHandler;
import se.susam.inloggning.login.SessionLifetimeFilter;
import se.susam.inloggning.login.SessionStore;
import se.susam.inloggning.login.SessionTransactions;

/**
 * Cross-cutting web set-up: which paths need a SUS session, CSRF (Spring Security's default, on
 * every POST), security headers, logout, language choice, and the absolute session timeout.
 */
@Configuration(proxyBeanMethods = false)
// SessionStore skips saving a session none of whose setters ran: right only if attributes are
// written when set, and only when the session is saved (Spring Session's defaults, pinned here).
@EnableJdbcHttpSession(saveMode = SaveMode.ON_SET_ATTRIBUTE, flushMode = FlushMode.ON_SAVE)
class WebConfiguration implements WebMvcConfigurer {

    /**
     * {@code sus.session.*}
     *
     * @param absoluteTimeout a SUS session ends this long after login, however active; the idle
     *                        timeout is {@code spring.session.timeout}
     * @param touchInterval   a session's last access is written when it is at least this old
     *                        ({@link SessionStore}): the idle timeout ends a session up to this much
     *                        early, never late
     */
    @Validated
    @ConfigurationProperties("sus.session")
    record SessionProperties(@DefaultValue("12h") Duration absoluteTimeout,
                             @DefaultValue("1m") Duration touchInterval) {
    }

    static final String[] PUBLIC = {
            "/", "/login", "/login/**", "/support", "/support/**", "/behorigheter", "/tillganglighet",
            "/driftinformation", "/driftinformation.atom", "/driftinformation.json", "/testa-e-legitimation",
            "/testa-e-legitimation/**", "/css/**", "/img/**", "/favicon.ico",
            "/error", "/dev/**", "/actuator/health", "/actuator/health/**", "/actuator/prometheus",
            "/tjanstekort/**",
            "/felanmalan", "/felanmalan/**",
            "/js/**",
            "/demo-sus", "/demo-sus/**"
    };

    /** The cookie that holds the browser's CSRF token ({@link #csrfTokens}). */
    static final String CSRF_COOKIE = "SUS_CSRF";

    /**
     * Called server to server, not by browsers, so no CSRF token to carry: JSON APIs of relying-party
     * clients, and the demo relying party's back-channel logout.
     */
    static final String[] NO_CSRF = {"/dev/bankid/rp/**", "/demo-sus/backchannel-logout"};

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    /** Pages sent whole, with their length ({@link WholePageView}). */
    @Bean
    static BeanPostProcessor wholePageViews() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof ThymeleafViewResolver resolver) {
                    resolver.setViewClass(WholePageView.class);
                }
                return bean;
            }
        };
    }

    /** Where a login continues (also the OpenID Connect provider's filter chain uses it). */
    @Bean
    LoginContinuations loginContinuations() {
        return new LoginContinuations();
    }

    /**
     * Spring Security observes each of its filters on every request by default (an observation and
     * its metrics per filter, a dozen per request); under the SMS login benchmark that cost more CPU
     * than any of our own request code. The request as a whole stays observed
     * ({@code http.server.requests}), and so do authentications and authorization decisions.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.withDefaults().shouldObserveRequests(false).build();
    }

    /**
     * CSRF tokens in a cookie of their own ({@code SUS_CSRF}, HttpOnly, SameSite=Lax; Secure and
     * domain as {@code server.servlet.session.cookie.*}, else Secure on HTTPS), checked against the
     * token in each form (Spring Security's double-submit cookie, the token masked anew in every
     * page). So a login page needs no session: nobody gets a session, nor a row in the session
     * table, before logging in, and no bot filling in login pages fills that table either. A bean so
     * that {@code LoginCompletion} gives each new login its own token.
     */
    @Bean
    CsrfTokenRepository csrfTokens(LoginCookies cookies) {
        CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
        tokens.setCookieName(CSRF_COOKIE);
        tokens.setCookiePath("/");
        tokens.setCookieCustomizer(cookie -> {
            cookies.applyTo(cookie);
            cookies.domain().ifPresent(cookie::domain);
        });
        return tokens;
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, LoginContinuations continuations,
                                            SessionEndingLogoutHandler sessionEnding,
                                            AuditedAccessDenial accessDenial, CsrfTokenRepository csrfTokens)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(PUBLIC).permitAll()
                        .requestMatchers("/sus", "/sus/**").hasRole("SUS_USER")
                        .requestMatchers("/console/driftinformation", "/console/driftinformation/**")
                        .hasRole("KUNDCENTER")
                        .requestMatchers("/console/personer", "/console/personer/**").hasRole("KUNDCENTER")
                        // The audit trail: Kundcenter, and the access administration answering for withdrawals.
                        .requestMatchers("/console/granskning", "/console/granskning/**")
                        .hasAnyRole("KUNDCENTER", "BEHORIGHETSADMINISTRATOR")
                        .requestMatchers("/console", "/console/**")
                        .hasAnyRole("KUNDCENTER", "BEHORIGHETSADMINISTRATOR", "BESTALLARE")
                        .anyRequest().authenticated())
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens).ignoringRequestMatchers(NO_CSRF))
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"))
                        .accessDeniedHandler(accessDenial))
                .requestCache(cache -> cache.requestCache(continuations))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/?utloggad")
                        .addLogoutHandler(sessionEnding)
                        .invalidateHttpSession(true).clearAuthentication(true))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
                                        + "form-action 'self'; frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter
                                        .ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /**
     * The idle timeout of Spring Session's JDBC repository ({@link EnableJdbcHttpSession}, which
     * Spring Boot imported itself until {@link #sessionStore} took the place of the repository):
     * {@code server.servlet.session.timeout}, as Spring Boot set it.
     */
    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionTimeout(SessionTimeout timeout) {
        return repository -> repository.setDefaultMaxInactiveInterval(timeout.getTimeout());
    }

    /** How session attributes are stored ({@link SessionAttributeCodec}). */
    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionAttributeCodec() {
        return repository -> repository.setConversionService(
                new SessionAttributeCodec(WebConfiguration.class.getClassLoader()));
    }

    /**
     * The session store that the session filter, Spring Security and {@code PersonSessions} use:
     * the JDBC repository without its last-access write on every request.
     */
    @Bean
    @Primary
    SessionStore<?> sessionStore(JdbcIndexedSessionRepository jdbc, SessionProperties properties) {
        return SessionStore.over(jdbc, properties.touchInterval());
    }

    /**
     * Spring Session's transactions (it looks this bean up by name): a new one for each write, none
     * for a read ({@link SessionTransactions}). Spring Boot's own {@code TransactionTemplate} bean
     * backs off for it; nothing here injects one (each user builds its own).
     */
    @Bean
    SessionTransactions springSessionTransactionOperations(PlatformTransactionManager transactionManager) {
        return SessionTransactions.over(transactionManager);
    }

    @Bean
    FilterRegistrationBean<HttpFilter> sessionStoreRequestScope() {
        var registration = new FilterRegistrationBean<>(SessionStore.requestScope());
        registration.setOrder(SessionStore.REQUEST_SCOPE_ORDER);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
        return registration;
    }

    /** Runs after the session store's filter and before Spring Security's. */
    @Bean
    FilterRegistrationBean<SessionLifetimeFilter> sessionLifetimeFilter(SessionProperties properties, Clock clock,
                                                                        ApplicationEventPublisher events) {
        var registration = new FilterRegistrationBean<>(
                new SessionLifetimeFilter(properties.absoluteTimeout(), clock, events));
        registration.setOrder(-101);
        return registration;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("sus-lang");
        resolver.setDefaultLocale(Locale.forLanguageTag("sv"));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        registry.addInterceptor(interceptor);
    }
}
