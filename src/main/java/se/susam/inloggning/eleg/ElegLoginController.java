package se.susam.inloggning.eleg;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import se.susam.inloggning.audit.AuditRecord;
import se.susam.inloggning.errors.CorrelationId;
import se.susam.inloggning.errors.ErrorCode;
import se.susam.inloggning.errors.SusException;
import se.susam.inloggning.login.AuthenticatedIdentity;
import se.susam.inloggning.login.LoginCompletion;
import se.susam.inloggning.login.LoginMethod;

/**
 * {@code /login/e-legitimation/<provider>} sends the person to the broker;
 * {@code /login/e-legitimation/<provider>/callback} takes them back and, with a proven personnummer,
 * on to {@link LoginCompletion}. Failures show the ELEG code with the provider's name.
 */
@Controller
@RequestMapping("/login/e-legitimation")
class ElegLoginController {

    static final String TRANSACTION = "sus.eleg.transaction";
    private static final Logger log = LoggerFactory.getLogger(ElegLoginController.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ElegProperties properties;
    private final BrokerClient broker;
    private final ElegTransactions transactions;
    private final LoginCompletion completion;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ElegLoginController(ElegProperties properties, ElegTransactions transactions, LoginCompletion completion,
                        ApplicationEventPublisher events, Clock clock) {
        this.properties = properties;
        this.broker = new BrokerClient(clock);
        this.transactions = transactions;
        this.completion = completion;
        this.events = events;
        this.clock = clock;
    }

    @GetMapping("/{key}")
    String start(@PathVariable String key, HttpServletRequest request) {
        ElegProperties.Provider provider = provider(key);
        URI redirectUri = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/login/e-legitimation/{key}/callback").buildAndExpand(key).toUri();
        BrokerClient.Start start = broker.start(key, provider, redirectUri);
        String id = randomId();
        transactions.create(new ElegTransactions.Transaction(id, key, start.state(), start.nonce(),
                start.codeVerifier(), redirectUri, clock.instant()));
        request.getSession(true).setAttribute(TRANSACTION, id);
        return "redirect:" + start.authorizationUri();
    }

    @GetMapping("/{key}/callback")
    String callback(@PathVariable String key, @RequestParam Map<String, String> parameters, HttpServletRequest request,
                    HttpServletResponse response, Model model, Locale locale) {
        ElegProperties.Provider provider = provider(key);
        HttpSession session = request.getSession(false);
        Optional<ElegTransactions.Transaction> transaction = Optional.ofNullable(session)
                .map(s -> (String) s.getAttribute(TRANSACTION)).flatMap(transactions::use)
                .filter(t -> t.provider().equals(key) && t.state().equals(parameters.get("state"))
                        && t.createdAt().plus(properties.loginValidity()).isAfter(clock.instant()));
        if (session != null) {
            session.removeAttribute(TRANSACTION);
        }
        if (transaction.isEmpty()) {
            return fail(key, provider, new BrokerClient.Outcome.Failed(ErrorCode.ELEG_NO_TRANSACTION,
                    "no pending login with this state in this browser"), request);
        }
        ElegTransactions.Transaction t = transaction.get();
        return switch (broker.finish(key, provider, parameters, t.nonce(), t.codeVerifier(), t.redirectUri())) {
            case BrokerClient.Outcome.Proven proven -> {
                log.info("E-ID provider {} proved personnummer {}", key, proven.personnummer());
                yield completion.complete(new AuthenticatedIdentity(proven.personnummer(), LoginMethod.E_LEGITIMATION,
                        proven.authenticatedAt()), request, response, model, locale);
            }
            case BrokerClient.Outcome.Failed failed -> fail(key, provider, failed, request);
        };
    }

    private String fail(String key, ElegProperties.Provider provider, BrokerClient.Outcome.Failed failed,
                        HttpServletRequest request) {
        log.info("E-ID login with {} failed: {} ({})", key, failed.code().code(), failed.reason());
        events.publishEvent(new AuditRecord(clock.instant(), "LOGIN", LoginMethod.E_LEGITIMATION.name(), "FAILURE",
                failed.code().code(), null, null, request.getRemoteAddr(), CorrelationId.current(), "provider " + key));
        throw new SusException(failed.code(), provider.name());
    }

    private ElegProperties.Provider provider(String key) {
        ElegProperties.Provider provider = properties.providers().get(key);
        if (provider == null) {
            throw new SusException(ErrorCode.GEN_NOT_FOUND);
        }
        return provider;
    }

    private static String randomId() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
