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
 * poll token, and this node answers from a copy of the login row that it reads again from the
 * database when it is older than {@link #FRESH}, so several nodes agree within a second. When the
 * order is due for a collect (two seconds since anyone collected it), the poll makes the database
 * claim and the collect itself, as the session's waiting page does. A token only ever tells where a
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
        if (copy == null || copy.readAt().isBefore(now.minus(FRESH))) {
            Optional<BankIdLogins.Login> row = logins.findByPollTokenHash(hash);
            if (row.isEmpty()) {
                copies.remove(hash);
                return Optional.empty();
            }
            copy = new Copy(row.get(), now, now);
        }
        BankIdLogins.Login login = copy.login();
        Instant readAt = copy.readAt();
        if (service.collectDue(login)) {
            login = service.collectIfDue(login);
            readAt = clock.instant();
        }
        copies.put(hash, new Copy(login, readAt, now));
        return Optional.of(service.statusOf(login));
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
