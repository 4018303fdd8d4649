package se.susam.inloggning.smslogin;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import se.susam.inloggning.access.AccessRegistry;
import se.susam.inloggning.access.Person;
import se.susam.inloggning.audit.AuditRecord;
import se.susam.inloggning.credentials.LoginThrottle;
import se.susam.inloggning.credentials.MasterPasswordGenerator;
import se.susam.inloggning.credentials.MasterPasswords;
import se.susam.inloggning.errors.CorrelationId;
import se.susam.inloggning.errors.ErrorCode;
import se.susam.inloggning.errors.SusException;
import se.susam.inloggning.identity.Personnummer;
import se.susam.inloggning.identity.PhoneNumber;
import se.susam.inloggning.login.AuthenticatedIdentity;
import se.susam.inloggning.login.LoginMethod;
import se.susam.inloggning.sms.SmsGateway;
import se.susam.inloggning.sms.SmsMessage;
import se.susam.inloggning.sms.SmsSendException;

/**
 * The rules of SMS login. Step 1 ({@link #start}) checks personnummer and master password and sends
 * a one-time code; step 2 ({@link #confirm}) checks the code. An unknown personnummer, a wrong
 * password and a person without SMS login get the same answer after the same work (one Argon2id
 * computation). Knows nothing of HTTP: the caller keeps the transaction id in the session.
 */
@Service
class SmsLoginService {

    private static final Logger log = LoggerFactory.getLogger(SmsLoginService.class);
    private static final String METHOD = LoginMethod.SMS.name();

    private final AccessRegistry registry;
    private final MasterPasswords masterPasswords;
    private final LoginThrottle throttle;
    private final SmsLoginTransactions transactions;
    private final SmsGateway sms;
    private final SmsLoginProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec codeKey;

    SmsLoginService(AccessRegistry registry, MasterPasswords masterPasswords, LoginThrottle throttle,
                    SmsLoginTransactions transactions, SmsGateway sms, SmsLoginProperties properties,
                    ApplicationEventPublisher events, Clock clock) {
        this.registry = registry;
        this.masterPasswords = masterPasswords;
        this.throttle = throttle;
        this.transactions = transactions;
        this.sms = sms;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.codeKey = new SecretKeySpec(properties.codeKeyBytes(), "HmacSHA256");
    }

    /** Step 1: personnummer and master password; on success a code is on its way. */
    LoginResult start(String personnummerInput, String passwordInput, String clientIp) {
        Personnummer personnummer;
        try {
            personnummer = Personnummer.parse(personnummerInput, clock);
        } catch (SusException e) {
            return new LoginResult.Rejected(e.errorCode(), "personnummer", false);
        }
        String password = passwordInput == null ? "" : passwordInput.strip();
        if (password.isEmpty()) {
            return new LoginResult.Rejected(ErrorCode.SMS_PASSWORD_EMPTY, "password", false);
        }
        if (password.length() != MasterPasswordGenerator.LENGTH) {
            return new LoginResult.Rejected(ErrorCode.SMS_PASSWORD_LENGTH, "password", false);
        }
        Optional<LoginResult.Rejected> locked = lockRejection(throttle.state(personnummer));
        if (locked.isPresent()) {
            audit("LOGIN_PASSWORD", "FAILURE", locked.get().code(), personnummer, clientIp);
            return locked.get();
        }

        Optional<Person> person = registry.findPerson(personnummer);
        Optional<PhoneNumber> mobile = person.flatMap(p -> registry.smsLoginMobile(p.id()));
        Optional<Long> candidate = mobile.isPresent() ? person.map(Person::id) : Optional.empty();
        if (!masterPasswords.verify(candidate, password)) {
            LoginThrottle.State after = throttle.recordFailure(personnummer);
            LoginResult.Rejected rejected = lockRejection(after)
                    .orElse(new LoginResult.Rejected(ErrorCode.SMS_BAD_CREDENTIALS, null, false));
            audit("LOGIN_PASSWORD", "FAILURE", rejected.code(), personnummer, clientIp);
            return rejected;
        }

        long personId = candidate.orElseThrow();
        Instant now = clock.instant();
        if (transactions.dispatchesSince(personId, now.minus(Duration.ofHours(1))) >= properties.hourlyCodeCap()) {
            audit("LOGIN_PASSWORD", "FAILURE", ErrorCode.SMS_RESEND_LIMIT, personnummer, clientIp);
            return new LoginResult.Rejected(ErrorCode.SMS_RESEND_LIMIT, null, true);
        }
        String transactionId = newTransactionId();
        OneTimeCode code = OneTimeCode.generate(random);
        transactions.create(transactionId, personId, mobile.get(), codeHash(transactionId, personId, code),
                now.plus(properties.codeValidity()), now);
        if (!send(personId, mobile.get(), code, now)) {
            transactions.finish(transactionId, SmsLoginTransactions.Status.VOIDED);
            audit("LOGIN_PASSWORD", "FAILURE", ErrorCode.SMS_SEND_FAILED, personnummer, clientIp);
            return new LoginResult.Rejected(ErrorCode.SMS_SEND_FAILED, null, true);
        }
        audit("LOGIN_PASSWORD", "SUCCESS", null, personnummer, clientIp);
        return new LoginResult.Pending(transactionId, mobile.get());
    }

    /** Step 2: the code from the SMS, for the transaction this browser started. */
    LoginResult confirm(String transactionId, String codeInput, String clientIp) {
        Optional<SmsLoginTransactions.Transaction> found = pending(transactionId);
        if (found.isEmpty()) {
            return new LoginResult.Rejected(ErrorCode.SMS_NO_TRANSACTION, null, true);
        }
        SmsLoginTransactions.Transaction tx = found.get();
        OneTimeCode code;
        try {
            code = OneTimeCode.parse(codeInput);
        } catch (SusException e) {
            return new LoginResult.Rejected(e.errorCode(), "code", false);
        }
        Instant now = clock.instant();
        boolean matches = MessageDigest.isEqual(
                codeHash(tx.id(), tx.personId(), code).getBytes(StandardCharsets.US_ASCII),
                tx.codeHash().getBytes(StandardCharsets.US_ASCII));
        if (!matches) {
            return wrongCode(tx, clientIp);
        }
        if (now.isAfter(tx.codeExpiresAt())) {
            audit("LOGIN_CODE", "FAILURE", ErrorCode.SMS_CODE_EXPIRED, tx.personnummer(), clientIp);
            return new LoginResult.Rejected(ErrorCode.SMS_CODE_EXPIRED, "code", false);
        }
        LoginThrottle.State standing = throttle.state(tx.personnummer());
        Optional<LoginResult.Rejected> locked = lockRejection(standing);
        if (locked.isPresent()) {
            transactions.finish(tx.id(), SmsLoginTransactions.Status.VOIDED);
            audit("LOGIN_CODE", "FAILURE", locked.get().code(), tx.personnummer(), clientIp);
            return new LoginResult.Rejected(locked.get().code(), null, true, locked.get().arguments());
        }
        if (!transactions.finish(tx.id(), SmsLoginTransactions.Status.COMPLETED)) {
            return new LoginResult.Rejected(ErrorCode.SMS_NO_TRANSACTION, null, true);
        }
        throttle.resetAfterLogin(tx.personnummer(), standing);
        audit("LOGIN_CODE", "SUCCESS", null, tx.personnummer(), clientIp);
        return new LoginResult.Authenticated(new AuthenticatedIdentity(tx.personnummer(), LoginMethod.SMS, now));
    }

    /**
     * "Skicka nytt engångslösen": a new code for the same transaction, at most once per cooldown and
     * within the hourly cap. The old code stops working; wrong attempts and failure counters stay.
     */
    LoginResult resend(String transactionId, String clientIp) {
        Optional<SmsLoginTransactions.Transaction> found = pending(transactionId);
        if (found.isEmpty()) {
            return new LoginResult.Rejected(ErrorCode.SMS_NO_TRANSACTION, null, true);
        }
        SmsLoginTransactions.Transaction tx = found.get();
        Instant now = clock.instant();
        Duration since = Duration.between(tx.lastSentAt(), now);
        if (since.compareTo(properties.resendCooldown()) < 0) {
            long wait = Math.max(1, properties.resendCooldown().minus(since).toSeconds());
            return new LoginResult.Rejected(ErrorCode.SMS_RESEND_TOO_SOON, null, false, wait);
        }
        if (transactions.dispatchesSince(tx.personId(), now.minus(Duration.ofHours(1))) >= properties.hourlyCodeCap()) {
            audit("LOGIN_CODE_RESEND", "FAILURE", ErrorCode.SMS_RESEND_LIMIT, tx.personnummer(), clientIp);
            return new LoginResult.Rejected(ErrorCode.SMS_RESEND_LIMIT, null, false);
        }
        OneTimeCode code = OneTimeCode.generate(random);
        if (!transactions.replaceCode(tx.id(), codeHash(tx.id(), tx.personId(), code),
                now.plus(properties.codeValidity()), now)) {
            return new LoginResult.Rejected(ErrorCode.SMS_NO_TRANSACTION, null, true);
        }
        if (!send(tx.personId(), tx.mobile(), code, now)) {
            audit("LOGIN_CODE_RESEND", "FAILURE", ErrorCode.SMS_SEND_FAILED, tx.personnummer(), clientIp);
            return new LoginResult.Rejected(ErrorCode.SMS_SEND_FAILED, null, false);
        }
        audit("LOGIN_CODE_RESEND", "SUCCESS", null, tx.personnummer(), clientIp);
        return new LoginResult.Pending(tx.id(), tx.mobile());
    }

    /** The masked number a pending transaction sends to, for the code page. */
    Optional<PhoneNumber> pendingMobile(String transactionId) {
        return pending(transactionId).map(SmsLoginTransactions.Transaction::mobile);
    }

    private LoginResult wrongCode(SmsLoginTransactions.Transaction tx, String clientIp) {
        Optional<Integer> attempts = transactions.countWrongCode(tx.id());
        if (attempts.isEmpty()) {
            return new LoginResult.Rejected(ErrorCode.SMS_NO_TRANSACTION, null, true);
        }
        LoginThrottle.State after = throttle.recordFailure(tx.personnummer());
        Optional<LoginResult.Rejected> locked = lockRejection(after);
        if (locked.isPresent()) {
            transactions.finish(tx.id(), SmsLoginTransactions.Status.VOIDED);
            audit("LOGIN_CODE", "FAILURE", locked.get().code(), tx.personnummer(), clientIp);
            return new LoginResult.Rejected(locked.get().code(), null, true, locked.get().arguments());
        }
        int left = properties.maxCodeAttempts() - attempts.get();
        if (left <= 0) {
            transactions.finish(tx.id(), SmsLoginTransactions.Status.VOIDED);
            audit("LOGIN_CODE", "FAILURE", ErrorCode.SMS_TOO_MANY_CODE_ATTEMPTS, tx.personnummer(), clientIp);
            return new LoginResult.Rejected(ErrorCode.SMS_TOO_MANY_CODE_ATTEMPTS, null, true);
        }
        audit("LOGIN_CODE", "FAILURE", ErrorCode.SMS_CODE_WRONG, tx.personnummer(), clientIp);
        return new LoginResult.Rejected(ErrorCode.SMS_CODE_WRONG, "code", false, left);
    }

    private Optional<SmsLoginTransactions.Transaction> pending(String transactionId) {
        if (transactionId == null) {
            return Optional.empty();
        }
        return transactions.find(transactionId).filter(t -> t.status() == SmsLoginTransactions.Status.PENDING);
    }

    private Optional<LoginResult.Rejected> lockRejection(LoginThrottle.State state) {
        return switch (state) {
            case LoginThrottle.State.Open open -> Optional.empty();
            case LoginThrottle.State.TemporarilyLocked t -> {
                long minutes = Math.max(1, (Duration.between(clock.instant(), t.until()).toSeconds() + 59) / 60);
                yield Optional.of(new LoginResult.Rejected(ErrorCode.SMS_TEMPORARILY_LOCKED, null, false, minutes));
            }
            case LoginThrottle.State.Locked l ->
                    Optional.of(new LoginResult.Rejected(ErrorCode.SMS_LOCKED, null, false));
        };
    }

    private boolean send(long personId, PhoneNumber mobile, OneTimeCode code, Instant now) {
        // The seed's "Your OTP:" text; the last line is the origin-bound form of the WebOTP API
        // ("@host #code") so that phones can offer to fill in the code.
        String text = "Your OTP: " + code.value() + "\n\n@" + properties.originHost() + " #" + code.value();
        try {
            sms.send(new SmsMessage(mobile, text, false));
        } catch (SmsSendException e) {
            log.warn("One-time code SMS to {} failed: {}", mobile.masked(), e.getMessage());
            return false;
        }
        transactions.recordDispatch(personId, now);
        return true;
    }

    private String codeHash(String transactionId, long personId, OneTimeCode code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(codeKey);
            byte[] digest = mac.doFinal((transactionId + ":" + personId + ":" + code.value())
                    .getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private String newTransactionId() {
        byte[] id = new byte[32];
        random.nextBytes(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }

    private void audit(String type, String outcome, ErrorCode code, Personnummer personnummer, String clientIp) {
        events.publishEvent(new AuditRecord(clock.instant(), type, METHOD, outcome, code == null ? null : code.code(),
                personnummer, personnummer.masked(), clientIp, CorrelationId.current(), null));
    }
}
