package se.susam.inloggning.bankidlogin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * The waiting page's status polls, answered without the session: the page polls with its login's
 * poll token, and this node answers from a copy of the login row. A pending login changes only
 * through a collect, and nobody, on any node, can claim the next collect before the collect
 * interval since the last one is over: until then the copy stays true (only "Avbryt", sent from
 * the waiting page itself, can end the login sooner). When the collect is due, the poll makes the
 * database claim and, if it wins, the collect; if another node or tab won, it reads the row again.
 * A copy of a login that is over is read again after {@link #FRESH}, so all nodes agree within a
 * second. A token only ever tells where a
 * login stands; the login is handed to a session only by the session that started it.
 */
@Component
class BankIdPolls {

    /** How long this node answers from its copy of a login before reading it again. */
    static final Duration FRESH = Duration.ofSeconds(1);
    /** A copy nobody polled for this long is dropped; the next poll reads the row again. */
    static final Duration IDLE = Duration.ofSeconds(30);
    /** 128 bits, base64url without padding. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{22}");

    private record Copy(BankIdLogins.Login login, Instant readAt, Instant polledAt) {
    }

    private final BankIdLoginService service;
    private final BankIdLogins logins;
    private final Clock clock;
    private final Map<String, Copy> copies = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> lastSweep;

    BankIdPolls(BankIdLoginService service, BankIdLogins logins, Clock clock) {
        this.service = service;
        this.logins = logins;
        this.clock = clock;
        this.lastSweep = new AtomicReference<>(clock.instant());
    }

    /** Where the login of {@code pollToken} stands; empty for a token that is malformed or no login's. */
    Optional<BankIdStatus> poll(String pollToken) {
        if (pollToken == null || !TOKEN.matcher(pollToken).matches()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        sweep(now);
        String hash = hash(pollToken);
        Copy copy = copies.get(hash);
        if (copy == null || isStale(copy, now)) {
            Optional<BankIdLogins.Login> row = logins.findByPollTokenHash(hash);
            if (row.isEmpty()) {
                copies.remove(hash);
                return Optional.empty();
            }
            copy = new Copy(row.get(), now, now);
        }
        if (service.collectDue(copy.login())) {
            copy = new Copy(service.collectIfDue(copy.login()), clock.instant(), now);
        }
        copies.put(hash, new Copy(copy.login(), copy.readAt(), now));
        return Optional.of(service.statusOf(copy.login()));
    }

    /** Pending and not yet due for a collect: still true. Otherwise true for {@link #FRESH}. */
    private boolean isStale(Copy copy, Instant now) {
        boolean waitingForCollect = copy.login().status() == BankIdLogins.Status.PENDING
                && !service.collectDue(copy.login());
        return !waitingForCollect && copy.readAt().isBefore(now.minus(FRESH));
    }

    /** Copies of logins nobody polls any more (the page was closed, or the login moved on). */
    private void sweep(Instant now) {
        Instant last = lastSweep.get();
        if (last.isAfter(now.minus(IDLE)) || !lastSweep.compareAndSet(last, now)) {
            return;
        }
        Instant idleSince = now.minus(IDLE);
        copies.values().removeIf(copy -> copy.polledAt().isBefore(idleSince));
    }

    /** The token's SHA-256, as stored in {@code bankid_login.poll_token_hash}. */
    static String hash(String pollToken) {
        return Sha256.hex(pollToken);
    }
}
