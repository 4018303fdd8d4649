package se.susam.inloggning.orders;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import se.susam.inloggning.access.AccessGrant;
import se.susam.inloggning.access.AccessRegistry;
import se.susam.inloggning.access.AccessStatus;
import se.susam.inloggning.access.GrantAdministration;
import se.susam.inloggning.access.Person;
import se.susam.inloggning.credentials.MasterPasswordGenerator;
import se.susam.inloggning.credentials.MasterPasswords;
import se.susam.inloggning.errors.ErrorCode;
import se.susam.inloggning.errors.SusException;
import se.susam.inloggning.identity.PhoneNumber;
import se.susam.inloggning.login.PersonSessions;
import se.susam.inloggning.sms.SmsGateway;
import se.susam.inloggning.sms.SmsSendException;
import se.susam.inloggning.sms.SmsTemplates;

/**
 * Approval: in one transaction the order becomes Godkänd, the person is created if missing, the
 * person's active grant for the organisation is withdrawn (and the order behind it becomes Ersatt),
 * the new grant is created and, with SMS login, a first master password is generated and its
 * Argon2id hash stored (SPEC §3.4). The SMS with the password is sent only after that commits, so
 * a rolled-back approval never sends a password that does not work; a failed SMS is shown on the
 * order, and the administrator can send a new first password.
 *
 * <p>A person who already has a master password (SMS login through another grant) keeps it: it is
 * not replaced behind their back. The order says so, and the administrator may still choose to send
 * a new first password, which replaces it.
 */
@Service
class OrderApproval {

    private static final Logger log = LoggerFactory.getLogger(OrderApproval.class);

    /** What the approval's transaction did; {@code password} is the new first password, if one was made. */
    private record Granted(Person person, AccessGrant grant, List<AccessGrant> replaced, Optional<String> password) {
    }

    private final OrderDesk desk;
    private final AccessOrders orders;
    private final AccessRegistry registry;
    private final GrantAdministration grants;
    private final MasterPasswords masterPasswords;
    private final MasterPasswordGenerator generator = new MasterPasswordGenerator();
    private final SmsGateway gateway;
    private final SmsTemplates templates;
    private final PersonSessions sessions;
    private final OrderAudit audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OrderApproval(OrderDesk desk, AccessOrders orders, AccessRegistry registry, GrantAdministration grants,
                  MasterPasswords masterPasswords, SmsGateway gateway, SmsTemplates templates,
                  PersonSessions sessions, OrderAudit audit, PlatformTransactionManager transactionManager,
                  Clock clock) {
        this.desk = desk;
        this.orders = orders;
        this.registry = registry;
        this.grants = grants;
        this.masterPasswords = masterPasswords;
        this.gateway = gateway;
        this.templates = templates;
        this.sessions = sessions;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    void approve(long id, ConsoleStaff staff, String clientIp) {
        AccessOrder order = desk.decidable(id, "ORDER_APPROVED", staff, clientIp);
        Granted granted;
        try {
            granted = transactions.execute(status -> grant(order, staff, clientIp));
        } catch (SusException e) {
            audit.failure("ORDER_APPROVED", e.errorCode(), order.personnummer(), staff, clientIp, "beställning " + id);
            throw e;
        }
        if (!granted.replaced().isEmpty()) {
            sessions.endAll(granted.person().id(), Optional.empty());
        }
        granted.password().ifPresent(password -> send(order, password, staff, clientIp));
    }

    private Granted grant(AccessOrder order, ConsoleStaff staff, String clientIp) {
        if (!orders.decide(order.id(), OrderStatus.APPROVED, staff.personId(), null)) {
            throw new SusException(ErrorCode.ORD_NOT_PENDING);
        }
        Person person = registry.findPerson(order.personnummer()).orElseGet(() -> registry.addPerson(
                order.personnummer(), order.givenName(), order.familyName(), order.email()));
        List<AccessGrant> replaced = grants.activeGrants(person.id(), order.organisation().id(), LocalDate.now(clock));
        for (AccessGrant old : replaced) {
            grants.withdraw(old.id());
            orders.approvedOrderOf(old.id()).ifPresent(older -> orders.supersede(older, order.id()));
        }
        AccessGrant grant = registry.addGrant(person.id(), order.organisation(), order.roles(), order.validFrom(),
                order.validTo(), AccessStatus.ACTIVE, order.smsLogin() ? order.mobile() : Optional.empty());
        orders.linkGrant(order.id(), grant.id());
        Optional<String> password = Optional.empty();
        if (!order.smsLogin()) {
            orders.recordFirstPassword(order.id(), FirstPassword.NOT_NEEDED);
        } else if (masterPasswords.has(person.id())) {
            orders.recordFirstPassword(order.id(), FirstPassword.KEPT);
        } else {
            password = Optional.of(generator.generate());
            masterPasswords.set(person.id(), password.get());
        }
        audit.success("ORDER_APPROVED", order.personnummer(), staff, clientIp, "beställning " + order.id()
                + " inskickad → godkänd, behörighet " + grant.id()
                + (replaced.isEmpty() ? "" : ", ersatt behörighet "
                + replaced.stream().map(g -> Long.toString(g.id())).collect(Collectors.joining(",")) + " → återkallad")
                + (order.smsLogin() && password.isEmpty() ? ", befintligt masterlösenord behålls" : ""));
        return new Granted(person, grant, replaced, password);
    }

    /**
     * Sends a new first master password for an approved SMS-login order whose grant is still active:
     * after a failed SMS, or when the person's existing password was kept. The new one replaces any
     * master password the person had.
     */
    void sendNewFirstPassword(long id, ConsoleStaff staff, String clientIp) {
        desk.requireAdministrator(staff, "FIRST_PASSWORD_SENT", clientIp);
        AccessOrder order = desk.view(id, staff, clientIp);
        Optional<Person> person = registry.findPerson(order.personnummer());
        boolean grantActive = order.grantId().flatMap(grants::findGrant)
                .map(held -> held.grant().status() == AccessStatus.ACTIVE).orElse(false);
        if (order.status() != OrderStatus.APPROVED || !order.smsLogin() || !grantActive || person.isEmpty()) {
            audit.failure("FIRST_PASSWORD_SENT", ErrorCode.ORD_RESEND_NOT_POSSIBLE, order.personnummer(), staff,
                    clientIp, "beställning " + id);
            throw new SusException(ErrorCode.ORD_RESEND_NOT_POSSIBLE);
        }
        String password = generator.generate();
        masterPasswords.set(person.get().id(), password);
        send(order, password, staff, clientIp);
    }

    private void send(AccessOrder order, String password, ConsoleStaff staff, String clientIp) {
        PhoneNumber to = order.mobile().orElseThrow();
        try {
            gateway.send(templates.masterPassword(to, password));
            orders.recordFirstPassword(order.id(), FirstPassword.SENT);
            audit.success("FIRST_PASSWORD_SENT", order.personnummer(), staff, clientIp,
                    "beställning " + order.id() + ", till " + to.masked());
        } catch (SmsSendException e) {
            log.warn("First master password for order {} not sent: {}", order.id(), e.getClass().getSimpleName());
            orders.recordFirstPassword(order.id(), FirstPassword.FAILED);
            audit.failure("FIRST_PASSWORD_SENT", ErrorCode.ORD_FIRST_SMS_FAILED, order.personnummer(), staff,
                    clientIp, "beställning " + order.id() + ", till " + to.masked());
        }
    }
}
