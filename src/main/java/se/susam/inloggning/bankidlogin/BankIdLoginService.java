package se.susam.inloggning.bankidlogin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.susam.inloggning.audit.AuditRecord;
import se.susam.inloggning.bankid.AnimatedQr;
import se.susam.inloggning.bankid.AuthRequest;
import se.susam.inloggning.bankid.CollectResponse;
import se.susam.inloggning.bankid.HintCode;
import se.susam.inloggning.bankid.OrderResponse;
import se.susam.inloggning.bankid.Requirement;
import se.susam.inloggning.bankid.Rfa;
import se.susam.inloggning.bankid.RpApi;
import se.susam.inloggning.bankid.RpApiException;
import se.susam.inloggning.bankid.RpErrorCode;
import se.susam.inloggning.bankid.Web;
import se.susam.inloggning.errors.CorrelationId;
import se.susam.inloggning.errors.ErrorCode;
import se.susam.inloggning.errors.SusException;
import se.susam.inloggning.identity.Personnummer;
import se.susam.inloggning.login.AuthenticatedIdentity;
import se.susam.inloggning.login.LoginMethod;

/**
 * The rules of BankID login (RP API v6.0 and BankID's RP guidelines). Knows nothing of HTTP: the
 * caller keeps the login id in the session and passes what it knows of the browser.
 */
@Service
class BankIdLoginService {

    private static final Logger log = LoggerFactory.getLogger(BankIdLoginService.class);
    /** Logins are forgotten this long after they started; every order is over long before. */
    static final Duration KEPT = Duration.ofHours(1);
    /** BankID ends every order within three minutes (RP API v6.0: {@code expiredTransaction}). */
    static final Duration ORDER_LIFETIME = Duration.ofMinutes(3);

    /** What the browser that starts a login tells us. */
    record Start(BankIdLogins.Device device, boolean mobile, String endUserIp, String userAgent,
                 String referringDomain, String deviceIdentifier, String ourBaseUrl) {
    }

    /** The outcome of starting: a login to wait for, or BankID's refusal. */
    sealed interface Started {
        /** {@code pollToken}: for the waiting page's status polls (see {@link BankIdPolls}); never stored. */
        record Ok(String loginId, String pollToken) implements Started {
        }

        record Refused(ErrorCode code, Rfa rfa) implements Started {
        }
    }

    private final RpApi bankId;
    private final BankIdLogins logins;
    private final BankIdProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    BankIdLoginService(RpApi bankId, BankIdLogins logins, BankIdProperties properties,
                       ApplicationEventPublisher events, Clock clock) {
        this.bankId = bankId;
        this.logins = logins;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    Started start(Start start) {
        String nonce = randomToken(24);
        // On a phone the app returns to the browser by returnUrl; its nonce proves on return that the
        // same browser comes back (RP guidelines, "returnUrl"). A computer's app does not return.
        String returnUrl = start.device() == BankIdLogins.Device.SAME && start.mobile()
                ? start.ourBaseUrl() + "/login/bankid/retur?nonce=" + nonce : null;
        Instant now = clock.instant();
        OrderResponse order;
        try {
            order = bankId.auth(authRequest(start.endUserIp(), returnUrl, start.userAgent(), start.referringDomain(),
                    start.deviceIdentifier()));
        } catch (RpApiException e) {
            ErrorCode code = codeFor(e.errorCode());
            audit("FAILURE", code, null, start.endUserIp(), "auth: " + e.errorCode().wire());
            return new Started.Refused(code, Rfa.forError(e.errorCode()));
        }
        String loginId = randomToken(32);
        String pollToken = randomToken(16);
        logins.purgeStartedBefore(now.minus(KEPT));
        logins.create(new BankIdLogins.Login(loginId, order.orderRef(), order.autoStartToken(), order.qrStartToken(),
                order.qrStartSecret(), now, now, start.device(), start.mobile(), start.endUserIp(),
                truncate(start.userAgent(), 400), start.referringDomain(), start.deviceIdentifier(), returnUrl,
                returnUrl == null ? null : nonce, BankIdLogins.Status.PENDING, null, null, null, 0, null, null,
                BankIdPolls.hash(pollToken)));
        return new Started.Ok(loginId, pollToken);
    }

    /**
     * Where the login stands. Collects at BankID only if nobody has in the last collect interval;
     * otherwise answers from the database, which the last collect updated.
     */
    BankIdStatus status(String loginId) {
        return find(loginId).map(login -> statusOf(collectIfDue(login)))
                .orElseGet(() -> new BankIdStatus.Failed(ErrorCode.BID_NO_LOGIN, Rfa.RFA22));
    }

    /** Whether {@code login}, as last read, is pending and not collected within the collect interval. */
    boolean collectDue(BankIdLogins.Login login) {
        Instant notAfter = clock.instant().minus(properties.collectInterval());
        return login.status() == BankIdLogins.Status.PENDING
                && (login.lastCollectAt() == null || !login.lastCollectAt().isAfter(notAfter));
    }

    /**
     * Collects {@code login} at BankID if it is due and this caller wins the claim, and returns the
     * login as it now stands; {@code login} itself when not due.
     */
    BankIdLogins.Login collectIfDue(BankIdLogins.Login login) {
        if (!collectDue(login)) {
            return login;
        }
        Instant now = clock.instant();
        if (logins.claimCollect(login.id(), now, now.minus(properties.collectInterval()))) {
            Optional<BankIdLogins.Login> stillPending = collect(login, now);
            if (stillPending.isPresent()) {
                return stillPending.get();
            }
        }
        // The row has moved on: this caller's collect ended the order, or another node or tab collected.
        return logins.find(login.id()).orElse(login);
    }

    /** The animated QR code's text for this second; empty unless waiting for another device. */
    Optional<String> qrData(BankIdLogins.Login login) {
        return Optional.of(login)
                .filter(l -> l.status() == BankIdLogins.Status.PENDING && l.device() == BankIdLogins.Device.OTHER
                        && l.qrStartSecret() != null)
                .map(l -> AnimatedQr.qrData(l.qrStartToken(), l.qrStartSecret(),
                        Math.max(0, Duration.between(l.orderStartedAt(), clock.instant()).toSeconds())));
    }

    /** Hands a complete login over exactly once; empty if it was already handed over or is not complete. */
    @Transactional
    Optional<AuthenticatedIdentity> handOver(String loginId) {
        return find(loginId).filter(l -> l.status() == BankIdLogins.Status.COMPLETE)
                .filter(l -> logins.consume(l.id()))
                .map(l -> new AuthenticatedIdentity(l.personnummer(), method(l), clock.instant()));
    }

    /** "Avbryt": cancels the order at BankID and ends the login. */
    void cancel(String loginId) {
        find(loginId).filter(l -> l.status() == BankIdLogins.Status.PENDING).ifPresent(login -> {
            if (logins.cancel(login.id())) {
                try {
                    bankId.cancel(login.orderRef());
                } catch (RpApiException e) {
                    // The order then times out at BankID by itself; the login here is over either way.
                    log.info("BankID cancel of a login answered {}", e.errorCode().wire());
                }
                audit("CANCELLED", null, null, login.endUserIp(), "cancelled by the user");
            }
        });
    }

    /** The app came back to returnUrl: true if the nonce is this login's (constant-time comparison). */
    boolean isReturnOf(String loginId, String nonce) {
        return find(loginId).map(BankIdLogins.Login::returnNonce)
                .filter(expected -> nonce != null && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.US_ASCII), nonce.getBytes(StandardCharsets.US_ASCII)))
                .isPresent();
    }

    /**
     * Collects the order and records what BankID answered. Returns the login as it now stands if
     * it is still pending (the usual answer, known without reading the row again), else empty.
     */
    private Optional<BankIdLogins.Login> collect(BankIdLogins.Login login, Instant now) {
        CollectResponse response;
        try {
            response = bankId.collect(login.orderRef());
        } catch (RpApiException e) {
            if (saysNothingOfTheOrder(e.errorCode()) && now.isBefore(login.orderStartedAt().plus(ORDER_LIFETIME))) {
                // The order may well be waiting at BankID still: the next collect, one interval on, asks again.
                log.info("BankID /collect of a pending login answered {}; collecting again later", e.errorCode().wire());
                return Optional.of(login.collected(now, login.hintCode()));
            }
            ErrorCode code = codeFor(e.errorCode());
            if (logins.fail(login.id(), null, code.code(), Rfa.forError(e.errorCode()).name())) {
                audit("FAILURE", code, null, login.endUserIp(), "collect: " + e.errorCode().wire());
            }
            return Optional.empty();
        }
        switch (response.state()) {
            case PENDING -> {
                if (!Objects.equals(response.hintCode(), login.hintCode())) {
                    logins.recordHint(login.id(), response.hintCode());
                }
                return Optional.of(login.collected(now, response.hintCode()));
            }
            case COMPLETE -> complete(login, response, now);
            case FAILED -> failed(login, response, now);
        }
        return Optional.empty();
    }

    private void complete(BankIdLogins.Login login, CollectResponse response, Instant now) {
        Personnummer personnummer;
        try {
            personnummer = new Personnummer(response.completionData().user().personalNumber());
        } catch (SusException | NullPointerException e) {
            logins.fail(login.id(), null, ErrorCode.BID_TECHNICAL.code(), Rfa.RFA22.name());
            audit("FAILURE", ErrorCode.BID_TECHNICAL, null, login.endUserIp(), "complete without a personal number");
            return;
        }
        if (logins.complete(login, personnummer, response.completionData(), CorrelationId.current(), now)) {
            audit("SUCCESS", null, personnummer, login.endUserIp(), "orderRef=" + login.orderRef()
                    + "; completionData in bankid_completion");
        }
    }

    private void failed(BankIdLogins.Login login, CollectResponse response, Instant now) {
        HintCode hint = response.hint().orElse(null);
        if (hint == HintCode.START_FAILED
                && now.isBefore(login.loginStartedAt().plus(properties.restartWindow()))) {
            restart(login, now);
            return;
        }
        ErrorCode code = codeFor(hint);
        Rfa rfa = Rfa.forCollect(CollectResponse.Status.FAILED, response.hintCode(),
                login.device() == BankIdLogins.Device.SAME, login.mobile());
        if (logins.fail(login.id(), response.hintCode(), code.code(), rfa.name())) {
            audit("FAILURE", code, null, login.endUserIp(), "hintCode=" + response.hintCode());
        }
    }

    /** startFailed: the app did not start in time; a new order, unseen by the user, within the window. */
    private void restart(BankIdLogins.Login login, Instant now) {
        try {
            OrderResponse order = bankId.auth(authRequest(login.endUserIp(), login.returnUrl(), login.userAgent(),
                    login.referringDomain(), login.deviceIdentifier()));
            logins.restart(login.id(), order, now);
        } catch (RpApiException e) {
            ErrorCode code = codeFor(e.errorCode());
            if (logins.fail(login.id(), HintCode.START_FAILED.wire(), code.code(), Rfa.forError(e.errorCode()).name())) {
                audit("FAILURE", code, null, login.endUserIp(), "restart: " + e.errorCode().wire());
            }
        }
    }

    BankIdStatus statusOf(BankIdLogins.Login login) {
        return switch (login.status()) {
            case PENDING -> new BankIdStatus.Pending(
                    Rfa.forCollect(CollectResponse.Status.PENDING,
                            login.hintCode() == null ? HintCode.OUTSTANDING_TRANSACTION.wire() : login.hintCode(),
                            login.device() == BankIdLogins.Device.SAME, login.mobile()),
                    login.device() == BankIdLogins.Device.OTHER,
                    login.device() == BankIdLogins.Device.SAME ? autoStartUrl(login) : null);
            case COMPLETE -> new BankIdStatus.Complete(
                    new AuthenticatedIdentity(login.personnummer(), method(login), clock.instant()));
            case FAILED -> new BankIdStatus.Failed(ErrorCode.byCode(login.errorCode()).orElse(ErrorCode.BID_FAILED),
                    login.rfa() == null ? Rfa.RFA22 : Rfa.valueOf(login.rfa()));
            case CANCELLED -> new BankIdStatus.Failed(ErrorCode.BID_USER_CANCEL, Rfa.RFA6);
            case CONSUMED -> new BankIdStatus.Failed(ErrorCode.BID_NO_LOGIN, Rfa.RFA22);
        };
    }

    /**
     * Starts the app on this device: {@code bankid:///?autostarttoken=…&redirect=null} on a
     * computer, the universal link {@code https://app.bankid.com/?autostarttoken=…&redirect=null} on
     * a phone (the returnUrl was given in /auth).
     */
    private String autoStartUrl(BankIdLogins.Login login) {
        String base = login.mobile() ? properties.mobileAppUrl() : properties.desktopAppUrl();
        return base + "?autostarttoken=" + login.autoStartToken() + "&redirect=null";
    }

    private AuthRequest authRequest(String endUserIp, String returnUrl, String userAgent, String referringDomain,
                                    String deviceIdentifier) {
        List<String> policies = properties.certificatePolicies().stream().filter(p -> !p.isBlank()).toList();
        return new AuthRequest(endUserIp,
                new Requirement(null, null, null, policies.isEmpty() ? null : policies, null),
                Base64.getEncoder().encodeToString(properties.userVisibleText().getBytes(StandardCharsets.UTF_8)),
                null, "plaintext", returnUrl, null,
                new Web(referringDomain, userAgent, deviceIdentifier));
    }

    private Optional<BankIdLogins.Login> find(String loginId) {
        return loginId == null ? Optional.empty() : logins.find(loginId);
    }

    private static LoginMethod method(BankIdLogins.Login login) {
        return login.device() == BankIdLogins.Device.OTHER || login.mobile() ? LoginMethod.MOBILT_BANKID
                : LoginMethod.BANKID;
    }

    static ErrorCode codeFor(HintCode failedHint) {
        if (failedHint == null) {
            return ErrorCode.BID_FAILED;
        }
        return switch (failedHint) {
            case USER_CANCEL, USER_DECLINED_CALL -> ErrorCode.BID_USER_CANCEL;
            case EXPIRED_TRANSACTION -> ErrorCode.BID_EXPIRED;
            case CERTIFICATE_ERR -> ErrorCode.BID_CERTIFICATE;
            case START_FAILED -> ErrorCode.BID_START_FAILED;
            case CANCELLED -> ErrorCode.BID_CANCELLED_BY_NEW_ORDER;
            default -> ErrorCode.BID_FAILED;
        };
    }

    /**
     * A failed {@code /collect} that tells nothing of the order itself (the network, or BankID busy or
     * in maintenance), as opposed to an answer about it ({@code notFound}, say).
     */
    private static boolean saysNothingOfTheOrder(RpErrorCode error) {
        return switch (error) {
            case TRANSPORT, REQUEST_TIMEOUT, MAINTENANCE, TOO_MANY_REQUESTS, INTERNAL_ERROR -> true;
            case ALREADY_IN_PROGRESS, INVALID_PARAMETERS, UNAUTHORIZED, NOT_FOUND, METHOD_NOT_ALLOWED,
                 UNSUPPORTED_MEDIA_TYPE, UNKNOWN, UNEXPECTED_RESPONSE -> false;
        };
    }

    static ErrorCode codeFor(RpErrorCode error) {
        return switch (error) {
            case ALREADY_IN_PROGRESS -> ErrorCode.BID_ALREADY_IN_PROGRESS;
            case MAINTENANCE, TOO_MANY_REQUESTS, INTERNAL_ERROR, TRANSPORT, REQUEST_TIMEOUT ->
                    ErrorCode.BID_UNAVAILABLE;
            case INVALID_PARAMETERS, UNAUTHORIZED, NOT_FOUND, METHOD_NOT_ALLOWED, UNSUPPORTED_MEDIA_TYPE, UNKNOWN,
                 UNEXPECTED_RESPONSE -> ErrorCode.BID_TECHNICAL;
        };
    }

    private void audit(String outcome, ErrorCode code, Personnummer subject, String clientIp, String details) {
        events.publishEvent(new AuditRecord(clock.instant(), "LOGIN_BANKID", LoginMethod.BANKID.name(), outcome,
                code == null ? null : code.code(), subject, subject == null ? null : subject.masked(), clientIp,
                CorrelationId.current(), details));
    }

    private String randomToken(int bytes) {
        byte[] token = new byte[bytes];
        random.nextBytes(token);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
