package se.susam.inloggning.orders;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import se.susam.inloggning.errors.ErrorCode;
import se.susam.inloggning.errors.SusException;
import se.susam.inloggning.identity.PhoneNumber;

/**
 * Submitting, viewing and rejecting orders, each checked against the acting staff member's console
 * role and organisation and audited (approval is {@link OrderApproval}).
 *
 * <p>A new order for a person and organisation that already have a pending order supersedes it at
 * once: the older one becomes Ersatt when the new one is submitted, so the administrator's queue
 * never holds two orders for the same access. An identical second submission is refused as a
 * duplicate instead.
 */
@Service
class OrderDesk {

    static final int REASON_MAX = 500;
    static final int LIST_LIMIT = 200;

    /** What became of a submitted form. */
    sealed interface Submission {
    }

    record Submitted(long orderId) implements Submission {
    }

    record Refused(List<OrderForm.Problem> problems) implements Submission {
    }

    private final AccessOrders orders;
    private final OrderAudit audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OrderDesk(AccessOrders orders, OrderAudit audit, PlatformTransactionManager transactionManager, Clock clock) {
        this.orders = orders;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Only a beställare orders; {@code type} names the refused action in the audit trail. */
    void requireOrderer(ConsoleStaff staff, String type, String clientIp) {
        if (!staff.orderer()) {
            throw audit.denied(type, ErrorCode.GEN_FORBIDDEN, null, staff, clientIp, null);
        }
    }

    void requireAdministrator(ConsoleStaff staff, String type, String clientIp) {
        if (!staff.administrator()) {
            throw audit.denied(type, ErrorCode.GEN_FORBIDDEN, null, staff, clientIp, null);
        }
    }

    Submission submit(OrderForm form, ConsoleStaff staff, String clientIp) {
        requireOrderer(staff, "ORDER_SUBMITTED", clientIp);
        return switch (form.check(clock, staff.ordersFor().orElseThrow())) {
            case OrderForm.Invalid invalid -> refused(invalid.problems(), staff, clientIp);
            case OrderForm.Valid valid -> {
                Submission done = transactions.execute(status -> store(valid.order(), staff, clientIp));
                yield done instanceof Refused refused ? refused(refused.problems(), staff, clientIp) : done;
            }
        };
    }

    private Submission store(NewOrder order, ConsoleStaff staff, String clientIp) {
        orders.lockOrganisation(order.organisation().id());
        List<AccessOrder> pending = orders.pendingFor(order.personnummer(), order.organisation().id());
        if (pending.stream().anyMatch(p -> p.sameRequestAs(order))) {
            return new Refused(List.of(new OrderForm.Problem(ErrorCode.ORD_DUPLICATE, null)));
        }
        long id = orders.insert(order, staff.personId());
        audit.success("ORDER_SUBMITTED", order.personnummer(), staff, clientIp, "beställning " + id + ": " + describe(order));
        for (AccessOrder older : pending) {
            orders.supersede(older.id(), id);
            audit.success("ORDER_SUPERSEDED", order.personnummer(), staff, clientIp,
                    "beställning " + older.id() + " inskickad → ersatt av beställning " + id);
        }
        return new Submitted(id);
    }

    private Refused refused(List<OrderForm.Problem> problems, ConsoleStaff staff, String clientIp) {
        audit.failure("ORDER_SUBMITTED", problems.getFirst().code(), null, staff, clientIp,
                problems.stream().map(p -> p.code().code()).collect(Collectors.joining(" ")));
        return new Refused(problems);
    }

    /** The order, if this staff member may see it: administrators all, a beställare their organisation's. */
    AccessOrder view(long id, ConsoleStaff staff, String clientIp) {
        if (!staff.orderer() && !staff.administrator()) {
            throw audit.denied("ORDER_VIEW", ErrorCode.GEN_FORBIDDEN, null, staff, clientIp, "beställning " + id);
        }
        AccessOrder order = orders.find(id).orElseThrow(() -> new SusException(ErrorCode.GEN_NOT_FOUND));
        if (!staff.administrator() && !staff.ordersFor(order.organisation())) {
            throw audit.denied("ORDER_VIEW", ErrorCode.ORD_OTHER_ORGANISATION, order.personnummer(), staff, clientIp,
                    "beställning " + id);
        }
        return order;
    }

    /** {@link #view}, audited: the order page shows a person's personnummer and contact details. */
    AccessOrder open(long id, ConsoleStaff staff, String clientIp) {
        AccessOrder order = view(id, staff, clientIp);
        audit.success("ORDER_VIEW", order.personnummer(), staff, clientIp, "beställning " + id);
        return order;
    }

    /** A pending order an administrator may decide: never one they placed themself (four-eyes rule). */
    AccessOrder decidable(long id, String type, ConsoleStaff staff, String clientIp) {
        requireAdministrator(staff, type, clientIp);
        AccessOrder order = orders.find(id).orElseThrow(() -> new SusException(ErrorCode.GEN_NOT_FOUND));
        if (order.orderedBy() == staff.personId()) {
            throw audit.denied(type, ErrorCode.ORD_OWN_ORDER, order.personnummer(), staff, clientIp, "beställning " + id);
        }
        if (order.status() != OrderStatus.PENDING) {
            audit.failure(type, ErrorCode.ORD_NOT_PENDING, order.personnummer(), staff, clientIp,
                    "beställning " + id + " is " + order.status());
            throw new SusException(ErrorCode.ORD_NOT_PENDING);
        }
        return order;
    }

    /**
     * Rejects a pending order with the reason the beställare will read.
     *
     * @return the reason's problem, if it is missing or too long (nothing is written then)
     */
    Optional<OrderForm.Problem> reject(long id, String reason, ConsoleStaff staff, String clientIp) {
        AccessOrder order = decidable(id, "ORDER_REJECTED", staff, clientIp);
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty() || text.length() > REASON_MAX) {
            OrderForm.Problem problem = text.isEmpty() ? new OrderForm.Problem(ErrorCode.ORD_REASON_MISSING, "skal")
                    : new OrderForm.Problem(ErrorCode.ORD_REASON_LENGTH, "skal", REASON_MAX);
            audit.failure("ORDER_REJECTED", problem.code(), order.personnummer(), staff, clientIp, "beställning " + id);
            return Optional.of(problem);
        }
        if (!orders.decide(id, OrderStatus.REJECTED, staff.personId(), text)) {
            audit.failure("ORDER_REJECTED", ErrorCode.ORD_NOT_PENDING, order.personnummer(), staff, clientIp,
                    "beställning " + id);
            throw new SusException(ErrorCode.ORD_NOT_PENDING);
        }
        audit.success("ORDER_REJECTED", order.personnummer(), staff, clientIp,
                "beställning " + id + " inskickad → avslagen");
        return Optional.empty();
    }

    /** Orders as the list page shows them to this staff member. */
    List<AccessOrder> ofOwnOrganisation(ConsoleStaff staff) {
        return staff.ordersFor().map(o -> orders.ofOrganisation(o.id(), LIST_LIMIT)).orElse(List.of());
    }

    List<AccessOrder> queue() {
        return orders.pending(LIST_LIMIT);
    }

    List<AccessOrder> recentlyDecided() {
        return orders.recentlyDecided(50);
    }

    /** The order in short form for the audit trail: organisation, roles, method, masked mobile, dates. */
    static String describe(NewOrder order) {
        return order.organisation().orgNumber() + ", roller "
                + order.roles().stream().sorted().map(Enum::name).collect(Collectors.joining("+"))
                + ", SMS " + (order.smsLogin() ? "på " + order.mobile().map(PhoneNumber::masked).orElse("") : "av")
                + ", " + order.validFrom() + ".." + order.validTo();
    }
}
