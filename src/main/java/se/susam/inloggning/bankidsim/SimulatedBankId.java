package se.susam.inloggning.bankidsim;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import se.susam.inloggning.bankid.AnimatedQr;
import se.susam.inloggning.bankid.CollectResponse;
import se.susam.inloggning.bankid.CompletionData;
import se.susam.inloggning.bankid.OrderResponse;

/**
 * The orders of the simulated BankID and their life, as BankID describes it (RP API v6.0): an
 * order waits for the app ({@code outstandingTransaction}); the app must be started within
 * {@link #START_TIMEOUT} or the order fails with {@code startFailed}; once open it waits for the
 * user ({@code userSign}) and fails with {@code expiredTransaction} {@link #ORDER_TIMEOUT} after it
 * was made. Only one order per person at a time: a new order for someone with one in progress is
 * refused ({@code alreadyInProgress}) when the personal number is known up front, and otherwise the
 * older order fails with {@code cancelled} when the app opens the new one. Finished orders can be
 * collected for {@link #KEPT_AFTER_FINISH}. State is in memory: the simulator is one process.
 */
@Component
@Profile({"demo", "test"})
class SimulatedBankId {

    static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    static final Duration ORDER_TIMEOUT = Duration.ofMinutes(3);
    static final Duration KEPT_AFTER_FINISH = Duration.ofMinutes(5);
    private static final int MAX_SLOW_MILLIS = 30_000;

    enum Kind { AUTH, PHONE }

    enum State { OUTSTANDING, USER_SIGN, COMPLETE, FAILED }

    /** A test person as the app holds them. */
    record Person(String personalNumber, String givenName, String surname) {

        public String name() {
            return givenName + " " + surname;
        }
    }

    /** One order; replaced as a whole on every change. */
    record Order(String orderRef, Kind kind, String autoStartToken, String qrStartToken, String qrStartSecret,
                 Instant startedAt, String requiredPersonalNumber, String endUserIp, String returnUrl,
                 String userVisibleData, boolean returnRisk, State state, String hintCode, Person person,
                 Instant finishedAt) {

        Order with(State newState, String newHint, Person newPerson, Instant finished) {
            return new Order(orderRef, kind, autoStartToken, qrStartToken, qrStartSecret, startedAt,
                    requiredPersonalNumber, endUserIp, returnUrl, userVisibleData, returnRisk, newState, newHint,
                    newPerson, finished);
        }

        boolean inProgress() {
            return state == State.OUTSTANDING || state == State.USER_SIGN;
        }

        /** The text the app shows, decoded from userVisibleData. */
        public String visibleText() {
            if (userVisibleData == null) {
                return null;
            }
            try {
                return new String(Base64.getDecoder().decode(userVisibleData), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    /** A refusal as BankID sends it: HTTP status and errorCode. */
    static final class Refusal extends RuntimeException {
        final int status;
        final String errorCode;

        Refusal(int status, String errorCode, String details) {
            super(details);
            this.status = status;
            this.errorCode = errorCode;
        }
    }

    private final Map<String, Order> orders = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> collectCalls = new ConcurrentHashMap<>();
    private final AtomicBoolean alreadyInProgressNext = new AtomicBoolean();
    private final AtomicInteger maintenanceCallsLeft = new AtomicInteger();
    private final AtomicInteger slowMillis = new AtomicInteger();
    private final Clock clock;

    SimulatedBankId(Clock clock) {
        this.clock = clock;
    }

    // --- RP API ---------------------------------------------------------------------------------

    /** Before every RP API call: the scenario "maintenance". */
    void beforeCall() {
        if (maintenanceCallsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new Refusal(503, "maintenance", "Simulated maintenance");
        }
    }

    /**
     * After every RP API call, before the answer leaves: the scenario "slow responses". The order is
     * already made, as at a slow BankID whose answer reaches the relying party late or not at all.
     */
    void beforeAnswer() {
        int delay = slowMillis.get();
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    OrderResponse auth(String endUserIp, String personalNumber, String returnUrl, String userVisibleData,
                       boolean returnRisk) {
        if (alreadyInProgressNext.getAndSet(false)) {
            throw new Refusal(400, "alreadyInProgress", "Order already in progress for pno");
        }
        refuseIfInProgress(personalNumber);
        Order order = new Order(UUID.randomUUID().toString(), Kind.AUTH, UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), clock.instant(), personalNumber,
                endUserIp, returnUrl, userVisibleData, returnRisk, State.OUTSTANDING, "outstandingTransaction",
                null, null);
        orders.put(order.orderRef(), order);
        return new OrderResponse(order.orderRef(), order.autoStartToken(), order.qrStartToken(),
                order.qrStartSecret());
    }

    String phoneAuth(String personalNumber, String userVisibleData) {
        if (alreadyInProgressNext.getAndSet(false)) {
            throw new Refusal(400, "alreadyInProgress", "Order already in progress for pno");
        }
        refuseIfInProgress(personalNumber);
        Order order = new Order(UUID.randomUUID().toString(), Kind.PHONE, null, null, null, clock.instant(),
                personalNumber, null, null, userVisibleData, false, State.OUTSTANDING, "outstandingTransaction",
                null, null);
        orders.put(order.orderRef(), order);
        return order.orderRef();
    }

    CollectResponse collect(String orderRef) {
        collectCalls.computeIfAbsent(orderRef, ref -> new AtomicInteger()).incrementAndGet();
        Order order = current(orderRef).orElseThrow(() -> new Refusal(400, "invalidParameters", "No such order"));
        return switch (order.state()) {
            case OUTSTANDING, USER_SIGN -> new CollectResponse(orderRef, "pending", order.hintCode(), null);
            case FAILED -> new CollectResponse(orderRef, "failed", order.hintCode(), null);
            case COMPLETE -> new CollectResponse(orderRef, "complete", null, completionData(order));
        };
    }

    void cancel(String orderRef) {
        Order order = current(orderRef).orElseThrow(() -> new Refusal(400, "invalidParameters", "No such order"));
        if (!order.inProgress()) {
            throw new Refusal(400, "invalidParameters", "Order is not in progress");
        }
        finish(order, State.FAILED, "cancelled", order.person());
    }

    // --- the app ----------------------------------------------------------------------------------

    /** The outcome of reading a QR code or following an autostart link. */
    sealed interface Opened {
        record Ok(Order order) implements Opened {
        }

        record Refused(String reason) implements Opened {
        }
    }

    /**
     * The app reads a QR code ({@code bankid.…}) or an autostart token and opens the order for
     * {@code person}; with {@code failStart} it plays an app that cannot start ({@code startFailed}).
     */
    Opened open(String codeOrToken, Person person, boolean failStart) {
        String input = codeOrToken == null ? "" : codeOrToken.strip();
        Optional<Order> found;
        Optional<AnimatedQr.Scanned> scanned = AnimatedQr.Scanned.parse(input);
        if (scanned.isPresent()) {
            found = orders.values().stream().filter(o -> scanned.get().qrStartToken().equals(o.qrStartToken()))
                    .findFirst().flatMap(o -> current(o.orderRef()));
            if (found.isEmpty()) {
                return new Opened.Refused("unknownQr");
            }
            if (!scanned.get().isSignedWith(found.get().qrStartSecret())) {
                return new Opened.Refused("badQrSignature");
            }
            long elapsed = Duration.between(found.get().startedAt(), clock.instant()).toSeconds();
            if (scanned.get().seconds() > elapsed + 1 || scanned.get().seconds() < elapsed - START_TIMEOUT.toSeconds()) {
                return new Opened.Refused("staleQr");
            }
        } else {
            String token = autoStartToken(input);
            found = orders.values().stream().filter(o -> token.equals(o.autoStartToken())).findFirst()
                    .flatMap(o -> current(o.orderRef()));
            if (found.isEmpty()) {
                return new Opened.Refused("unknownCode");
            }
        }
        return openOrder(found.get(), person, failStart);
    }

    /**
     * The demo's stand-in for pointing the phone at the screen: reads the QR code the relying party
     * shows for {@code orderRef} this second (phone orders have none: the app shows them directly).
     */
    Opened scan(String orderRef, Person person) {
        Optional<Order> order = current(orderRef).filter(o -> o.state() == State.OUTSTANDING);
        if (order.isEmpty()) {
            return new Opened.Refused("notOutstanding");
        }
        if (order.get().kind() == Kind.PHONE) {
            return openOrder(order.get(), person, false);
        }
        long seconds = Math.max(0, Duration.between(order.get().startedAt(), clock.instant()).toSeconds());
        return open(AnimatedQr.qrData(order.get().qrStartToken(), order.get().qrStartSecret(), seconds), person, false);
    }

    private Opened openOrder(Order order, Person person, boolean failStart) {
        if (order.state() != State.OUTSTANDING) {
            return new Opened.Refused("notOutstanding");
        }
        if (failStart) {
            finish(order, State.FAILED, "startFailed", null);
            return new Opened.Refused("startFailed");
        }
        if (order.requiredPersonalNumber() != null && !order.requiredPersonalNumber().equals(person.personalNumber())) {
            return new Opened.Refused("otherPerson");
        }
        for (Order other : orders.values()) {
            if (!other.orderRef().equals(order.orderRef()) && other.inProgress() && other.person() != null
                    && other.person().personalNumber().equals(person.personalNumber())) {
                finish(other, State.FAILED, "cancelled", other.person());
            }
        }
        Order opened = order.with(State.USER_SIGN, order.kind() == Kind.PHONE ? "userCallConfirm" : "userSign",
                person, null);
        orders.put(order.orderRef(), opened);
        return new Opened.Ok(opened);
    }

    /** What the user does in the open order: identify, cancel, or a scenario's failure. */
    enum Action { IDENTIFY, USER_CANCEL, CERTIFICATE_ERR, EXPIRE }

    Optional<Order> act(String orderRef, Action action) {
        return current(orderRef).filter(o -> o.state() == State.USER_SIGN).map(order -> switch (action) {
            case IDENTIFY -> finish(order, State.COMPLETE, null, order.person());
            case USER_CANCEL -> finish(order, State.FAILED, order.kind() == Kind.PHONE ? "userDeclinedCall"
                    : "userCancel", order.person());
            case CERTIFICATE_ERR -> finish(order, State.FAILED, "certificateErr", order.person());
            case EXPIRE -> finish(order, State.FAILED, "expiredTransaction", order.person());
        });
    }

    Optional<Order> order(String orderRef) {
        return current(orderRef);
    }

    /** How often the relying party has collected this order: BankID asks for at most once per 2 s. */
    int collectCalls(String orderRef) {
        AtomicInteger calls = collectCalls.get(orderRef);
        return calls == null ? 0 : calls.get();
    }

    /** Orders waiting for the app, newest first. */
    List<Order> outstandingOrders() {
        return orders.keySet().stream().map(this::current).flatMap(Optional::stream)
                .filter(o -> o.state() == State.OUTSTANDING)
                .sorted(Comparator.comparing(Order::startedAt).reversed()).toList();
    }

    // --- scenarios --------------------------------------------------------------------------------

    /** The scenario settings, as the app page shows them. */
    record Scenarios(boolean alreadyInProgressNext, int maintenanceCalls, int slowMillis) {
    }

    Scenarios scenarios() {
        return new Scenarios(alreadyInProgressNext.get(), maintenanceCallsLeft.get(), slowMillis.get());
    }

    void setScenarios(boolean alreadyInProgress, int maintenanceCalls, int slow) {
        alreadyInProgressNext.set(alreadyInProgress);
        maintenanceCallsLeft.set(Math.max(0, maintenanceCalls));
        slowMillis.set(Math.clamp(slow, 0, MAX_SLOW_MILLIS));
    }

    // --- internals --------------------------------------------------------------------------------

    /** The order with the clock applied: timeouts happen when someone looks, as at BankID. */
    private Optional<Order> current(String orderRef) {
        Instant now = clock.instant();
        Order order = orderRef == null ? null : orders.get(orderRef);
        if (order == null) {
            return Optional.empty();
        }
        if (order.finishedAt() != null && now.isAfter(order.finishedAt().plus(KEPT_AFTER_FINISH))) {
            orders.remove(orderRef, order);
            collectCalls.remove(orderRef);
            return Optional.empty();
        }
        if (order.state() == State.OUTSTANDING && now.isAfter(order.startedAt().plus(START_TIMEOUT))) {
            return Optional.of(finish(order, State.FAILED,
                    order.kind() == Kind.PHONE ? "expiredTransaction" : "startFailed", null));
        }
        if (order.state() == State.USER_SIGN && now.isAfter(order.startedAt().plus(ORDER_TIMEOUT))) {
            return Optional.of(finish(order, State.FAILED, "expiredTransaction", order.person()));
        }
        return Optional.of(order);
    }

    private Order finish(Order order, State state, String hint, Person person) {
        Order finished = order.with(state, hint, person, clock.instant());
        orders.put(order.orderRef(), finished);
        return finished;
    }

    private void refuseIfInProgress(String personalNumber) {
        if (personalNumber == null) {
            return;
        }
        boolean busy = orders.keySet().stream().map(this::current).flatMap(Optional::stream)
                .anyMatch(o -> o.inProgress() && (personalNumber.equals(o.requiredPersonalNumber())
                        || (o.person() != null && personalNumber.equals(o.person().personalNumber()))));
        if (busy) {
            throw new Refusal(400, "alreadyInProgress", "Order already in progress for pno");
        }
    }

    private static String autoStartToken(String input) {
        int at = input.indexOf("autostarttoken=");
        if (at < 0) {
            return input;
        }
        String rest = input.substring(at + "autostarttoken=".length());
        int end = rest.indexOf('&');
        return end < 0 ? rest : rest.substring(0, end);
    }

    private CompletionData completionData(Order order) {
        Person person = order.person();
        String signed = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bankIdSignedData simulated="true"><usrVisibleData>%s</usrVisibleData><srvInfo>\
                <nonce>%s</nonce></srvInfo><personalNumber>%s</personalNumber></bankIdSignedData>"""
                .formatted(order.userVisibleData() == null ? "" : order.userVisibleData(), order.orderRef(),
                        person.personalNumber());
        String ocsp = "simulated OCSP response: good, " + order.finishedAt();
        return new CompletionData(
                new CompletionData.User(person.personalNumber(), person.name(), person.givenName(), person.surname()),
                new CompletionData.Device(order.endUserIp() == null ? "127.0.0.1" : order.endUserIp(),
                        Base64.getEncoder().encodeToString(("uhi-" + person.personalNumber()).getBytes(StandardCharsets.UTF_8))),
                null,
                LocalDate.now(clock).minusYears(2).toString(),
                Base64.getEncoder().encodeToString(signed.getBytes(StandardCharsets.UTF_8)),
                Base64.getEncoder().encodeToString(ocsp.getBytes(StandardCharsets.UTF_8)),
                order.returnRisk() ? "low" : null);
    }
}
