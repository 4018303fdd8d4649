package se.susam.inloggning.bankidlogin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * The waiting page's status polls, answered without the session: the page polls with its login's
 * poll token, and this node answers from a copy of the login row. A pending login changes only
 * through a collect, and nobody, on any node, can claim the next collect before the collect
 * interval since the last one is over: until then the copy stays true (only "Avbryt", sent from
 * the waiting page itself, can end the login sooner). When the collect is due, the poll starts it
 * in the background (the database claim and, if it wins, the call to BankID; if another node or
 * tab won, a read of the row) and waits for it at most {@code sus.bankid.poll-collect-wait}: a poll
 * never waits for BankID's round trip longer than that, and one that does not get the answer in
 * time tells what the copy says; the collect's result is the next poll's answer. One collect per
 * login is in flight on a node at a time. A copy of a login that is over is read again after
 * {@link #FRESH}, so all nodes agree within a second. A token only ever tells where a login stands;
 * the login is handed to a session only by the session that started it.
 */
@Component
class BankIdPolls {

    private static final Logger log = LoggerFactory.getLogger(BankIdPolls.class);

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
    private final Duration collectWait;
    private final Map<String, Copy> copies = new ConcurrentHashMap<>();
    /** The QR mask pattern of each order this node has drawn, by qrStartToken. */
    private final Map<String, Integer> masks = new ConcurrentHashMap<>();
    /** The collect this node has in flight per token hash. */
    private final Map<String, CompletableFuture<BankIdLogins.Login>> collecting = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> lastSweep;

    BankIdPolls(BankIdLoginService service, BankIdLogins logins, BankIdProperties properties, Clock clock) {
        this.service = service;
        this.logins = logins;
        this.collectWait = properties.pollCollectWait();
        this.clock = clock;
        this.lastSweep = new AtomicReference<>(clock.instant());
    }

    /** Where the login of {@code pollToken} stands; empty for a token that is malformed or no login's. */
    Optional<BankIdStatus> poll(String pollToken) {
        return current(pollToken).map(service::statusOf);
    }

    /**
     * The animated QR code of this second as SVG (see {@link QrSvg}: an order's first symbol
     * chooses the mask pattern, its later symbols keep it); empty for a token that is malformed or no
     * login's, or a login not waiting for a QR code. The image is fetched like a poll (the waiting
     * page reloads it after each poll; without JavaScript the page itself reloads), so it too
     * collects when a collect is due: a new order BankID's {@code startFailed} brought, by whichever
     * path collected, reaches the image at once.
     */
    Optional<String> qrImage(String pollToken) {
        return current(pollToken).flatMap(login -> service.qrData(login).map(data -> {
            QrSvg.Drawn drawn = QrSvg.draw(data, masks.getOrDefault(login.qrStartToken(), -1));
            masks.putIfAbsent(login.qrStartToken(), drawn.maskPattern());
            return drawn.svg();
        }));
    }

    /** The login of {@code pollToken} as this node knows it, collected first if a collect is due. */
    private Optional<BankIdLogins.Login> current(String pollToken) {
        if (pollToken == null || !TOKEN.matcher(pollToken).matches()) {
            return Optional.empty();
        }
        String hash = hash(pollToken);
        return copyOf(hash).map(copy -> service.collectDue(copy.login())
                ? collect(hash, copy.login()) : copy.login());
    }

    /**
     * This node's copy of the login whose poll token hashes to {@code hash},
     * read again if stale; notes the poll.
     */
    private Optional<Copy> copyOf(String hash) {
        Instant now = clock.instant();
        sweep(now);
        Copy copy = copies.get(hash);
        if (copy == null || isStale(copy, now)) {
            Optional<BankIdLogins.Login> row = logins.findByPollTokenHash(hash);
            if (row.isEmpty()) {
                copies.remove(hash);
                return Optional.empty();
            }
            copy = new Copy(row.get(), now, now);
        }
        Copy read = copy;
        // A collect that finished meanwhile has put a newer copy: keep it, and note the poll.
        return Optional.of(copies.compute(hash, (h, current) -> current == null
                || current.readAt().isBefore(read.readAt())
                ? new Copy(read.login(), read.readAt(), now) : new Copy(current.login(), current.readAt(), now)));
    }

    /**
     * Starts the collect of {@code login} unless one is in flight, and waits for it at most
     * {@link #collectWait}; {@code login} as copied if the collect takes longer. The collect keeps
     * the copy it brings back, and the correlation id of the poll that started it for its log lines.
     */
    private BankIdLogins.Login collect(String hash, BankIdLogins.Login login) {
        CompletableFuture<BankIdLogins.Login> started = new CompletableFuture<>();
        CompletableFuture<BankIdLogins.Login> inFlight = collecting.putIfAbsent(hash, started);
        if (inFlight == null) {
            inFlight = started;
            Map<String, String> logContext = MDC.getCopyOfContextMap();
            Thread.ofVirtual().name("bankid-collect").start(() -> collectNow(hash, login, started, logContext));
        }
        try {
            return inFlight.get(collectWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return login;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return login;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    private void collectNow(String hash, BankIdLogins.Login login, CompletableFuture<BankIdLogins.Login> result,
                            Map<String, String> logContext) {
        if (logContext != null) {
            MDC.setContextMap(logContext);
        }
        try {
            BankIdLogins.Login collected = service.collectIfDue(login);
            copies.computeIfPresent(hash, (h, copy) -> new Copy(collected, clock.instant(), copy.polledAt()));
            result.complete(collected);
        } catch (RuntimeException | Error e) {
            log.warn("Collect of a BankID login failed; the next poll tries again", e);
            result.completeExceptionally(e);
        } finally {
            collecting.remove(hash, result);
            MDC.clear();
        }
    }

    /**
     * A pending copy stays true until a collect changes the row, and the collect's claim is itself
     * the check: it succeeds only on a row still pending and not collected within the interval, and
     * a claim that fails reads the row again. So a pending copy is never read again before its
     * collect. A copy of a login that is over is true for {@link #FRESH}.
     */
    private static boolean isStale(Copy copy, Instant now) {
        return copy.login().status() != BankIdLogins.Status.PENDING && copy.readAt().isBefore(now.minus(FRESH));
    }

    /** Copies of logins nobody polls any more (the page was closed, or the login moved on). */
    private void sweep(Instant now) {
        Instant last = lastSweep.get();
        if (last.isAfter(now.minus(IDLE)) || !lastSweep.compareAndSet(last, now)) {
            return;
        }
        Instant idleSince = now.minus(IDLE);
        copies.values().removeIf(copy -> copy.polledAt().isBefore(idleSince));
        Set<String> drawn = new HashSet<>();
        copies.values().forEach(copy -> drawn.add(copy.login().qrStartToken()));
        masks.keySet().retainAll(drawn);
    }

    /** The token's SHA-256, as stored in {@code bankid_login.poll_token_hash}. */
    static String hash(String pollToken) {
        return Sha256.hex(pollToken);
    }
}
