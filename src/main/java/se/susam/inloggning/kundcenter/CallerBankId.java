package se.susam.inloggning.kundcenter;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Component;

import se.susam.inloggning.access.Person;
import se.susam.inloggning.bankid.CollectResponse;
import se.susam.inloggning.bankid.PhoneAuthRequest;
import se.susam.inloggning.bankid.RpApi;
import se.susam.inloggning.bankid.RpApiException;
import se.susam.inloggning.errors.ErrorCode;
import se.susam.inloggning.errors.SusException;

/**
 * The alternative to the checklist: the caller identifies with BankID on their own phone while on
 * the call (RP API v6.0 {@code /phone/auth}, callInitiator {@code RP}: Kundcenter asks them to).
 * The order and, once BankID returns the same personnummer, the verification are kept in the
 * staff member's session (which lives in the database, so any node continues it), for that person
 * only and for {@link #VALID_FOR}.
 */
@Component
class CallerBankId {

    static final Duration VALID_FOR = Duration.ofMinutes(5);
    /** RP API v6.0: collect an order at most every two seconds; a quicker reload is answered from the last. */
    static final Duration COLLECT_INTERVAL = Duration.ofSeconds(2);
    private static final String TEXT = "Kundcenter för partner på Försäkringskassan vill bekräfta att det är du som "
            + "ringer. Godkänn bara om du just nu pratar med Kundcenter.";

    /** An order in progress (and when it was last collected), or a verification, for one person. */
    record Verification(long personId, String orderRef, Instant collectedAt, Instant verifiedUntil)
            implements Serializable {
    }

    /** Where the order is. */
    enum Status { PENDING, VERIFIED, FAILED }

    private final RpApi bankId;
    private final Clock clock;

    CallerBankId(RpApi bankId, Clock clock) {
        this.bankId = bankId;
        this.clock = clock;
    }

    void start(Person person, HttpSession session) {
        try {
            String orderRef = bankId.phoneAuth(new PhoneAuthRequest(person.personnummer().value(), "RP", null,
                    Base64.getEncoder().encodeToString(TEXT.getBytes(StandardCharsets.UTF_8)), null, "plaintext"))
                    .orderRef();
            session.setAttribute(key(person), new Verification(person.id(), orderRef, Instant.EPOCH, null));
        } catch (RpApiException e) {
            throw new SusException(ErrorCode.KC_BANKID_FAILED);
        }
    }

    /** Asks BankID once where the order is (the waiting page polls). */
    Status collect(Person person, HttpSession session) {
        Optional<Verification> current = current(person, session);
        if (current.isEmpty()) {
            return Status.FAILED;
        }
        if (current.get().verifiedUntil() != null) {
            return isVerified(person, session) ? Status.VERIFIED : Status.FAILED;
        }
        Instant now = clock.instant();
        if (now.isBefore(current.get().collectedAt().plus(COLLECT_INTERVAL))) {
            return Status.PENDING;
        }
        session.setAttribute(key(person), new Verification(person.id(), current.get().orderRef(), now, null));
        try {
            CollectResponse response = bankId.collect(current.get().orderRef());
            return switch (response.state()) {
                case PENDING -> Status.PENDING;
                case FAILED -> forget(person, session);
                case COMPLETE -> {
                    if (!person.personnummer().value().equals(response.completionData().user().personalNumber())) {
                        yield forget(person, session);
                    }
                    session.setAttribute(key(person),
                            new Verification(person.id(), current.get().orderRef(), now, now.plus(VALID_FOR)));
                    yield Status.VERIFIED;
                }
            };
        } catch (RpApiException e) {
            return forget(person, session);
        }
    }

    boolean isVerified(Person person, HttpSession session) {
        return current(person, session).map(Verification::verifiedUntil)
                .filter(until -> until.isAfter(clock.instant())).isPresent();
    }

    /** A verification is used once: the next new master password needs a new check. */
    void used(Person person, HttpSession session) {
        session.removeAttribute(key(person));
    }

    private Status forget(Person person, HttpSession session) {
        session.removeAttribute(key(person));
        return Status.FAILED;
    }

    private static Optional<Verification> current(Person person, HttpSession session) {
        return Optional.ofNullable(session.getAttribute(key(person))).map(Verification.class::cast)
                .filter(v -> v.personId() == person.id());
    }

    private static String key(Person person) {
        return "kundcenter.bankid." + person.id();
    }
}
