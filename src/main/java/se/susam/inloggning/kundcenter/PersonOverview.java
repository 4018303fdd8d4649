package se.susam.inloggning.kundcenter;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import se.susam.inloggning.access.AccessGrant;
import se.susam.inloggning.access.AccessRegistry;
import se.susam.inloggning.access.AccessStatus;
import se.susam.inloggning.access.Person;
import se.susam.inloggning.audit.AuditRecord;
import se.susam.inloggning.audit.AuditTrail;
import se.susam.inloggning.credentials.LoginThrottle;
import se.susam.inloggning.errors.CatalogueRoutes;
import se.susam.inloggning.errors.ErrorCode;
import se.susam.inloggning.errors.SusException;
import se.susam.inloggning.identity.PhoneNumber;
import se.susam.inloggning.incident.ReportsByContact;
import se.susam.inloggning.incident.ReportSummary;
import se.susam.inloggning.sms.SmsDeliveries;
import se.susam.inloggning.sms.SmsDelivery;

/** Gathers what Kundcenter sees about one person from the modules that hold it. */
@Component
class PersonOverview {

    static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    static final int ATTEMPTS = 10;
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int AUDIT_WINDOW = 200;
    private static final int REPORTS = 10;
    private static final int DELIVERIES = 10;

    /** A grant as the table shows it. */
    record GrantRow(AccessGrant grant, String statusKey) {
    }

    /** A login attempt from the audit trail, in Swedish time, with its code's catalogue entry if any. */
    record Attempt(AuditRecord record, String time, String catalogueUrl) {
    }

    /** An SMS to the person's number, in Swedish time. */
    record Delivery(SmsDelivery delivery, String time) {
    }

    /** The lock state in words: {@code key} is the message, {@code until} the time of a temporary lock. */
    record Lock(String key, String until, int failures, boolean locked) {
    }

    record View(Person person, List<GrantRow> grants, Optional<String> maskedMobile, Lock lock,
                List<Attempt> attempts, List<ReportSummary> reports, List<Delivery> deliveries) {
    }

    private final AccessRegistry registry;
    private final LoginThrottle throttle;
    private final AuditTrail audit;
    private final ReportsByContact reports;
    private final SmsDeliveries deliveries;
    private final Clock clock;

    PersonOverview(AccessRegistry registry, LoginThrottle throttle, AuditTrail audit, ReportsByContact reports,
                   SmsDeliveries deliveries, Clock clock) {
        this.registry = registry;
        this.throttle = throttle;
        this.audit = audit;
        this.reports = reports;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    Person person(long personId) {
        return registry.findPerson(personId).orElseThrow(() -> new SusException(ErrorCode.KC_PERSON_NOT_FOUND));
    }

    View of(Person person) {
        LocalDate today = LocalDate.now(clock);
        List<AccessGrant> held = registry.grantsOf(person.id());
        List<GrantRow> grants = held.stream().map(g -> new GrantRow(g, statusKey(g, today))).toList();
        Optional<PhoneNumber> mobile = AccessRegistry.smsLoginMobile(held);
        List<Attempt> attempts = audit.recentFor(person.personnummer(), AUDIT_WINDOW).stream()
                .filter(r -> r.method() != null && r.type().startsWith("LOGIN"))
                .limit(ATTEMPTS)
                .map(r -> new Attempt(r, time(r.occurredAt()),
                        ErrorCode.byCode(r.errorCode()).map(CatalogueRoutes::entryUrl).orElse(null)))
                .toList();
        return new View(person, grants, mobile.map(MaskedMobile::of), lock(person), attempts,
                reports.newest(person.email(), mobile.orElse(null), REPORTS),
                mobile.map(m -> deliveries.recentTo(m, DELIVERIES)).orElse(List.of()).stream()
                        .map(d -> new Delivery(d, time(d.submittedAt()))).toList());
    }

    Lock lock(Person person) {
        LoginThrottle.Standing standing = throttle.standing(person.personnummer());
        int failures = standing.failures();
        return switch (standing.state()) {
            case LoginThrottle.State.Open open -> new Lock("kc.lock.open", null, failures, false);
            case LoginThrottle.State.TemporarilyLocked t -> new Lock("kc.lock.temporary",
                    DateTimeFormatter.ofPattern("HH:mm").format(t.until().atZone(SWEDEN)), failures,
                    true);
            case LoginThrottle.State.Locked locked -> new Lock("kc.lock.permanent", null, failures, true);
        };
    }

    /** A moment as the console shows it: Swedish time to the second. */
    static String time(Instant instant) {
        return instant == null ? "" : SECONDS.format(instant.atZone(SWEDEN));
    }

    private static String statusKey(AccessGrant grant, LocalDate today) {
        if (grant.status() == AccessStatus.WITHDRAWN) {
            return "kc.grant.withdrawn";
        }
        if (today.isBefore(grant.validFrom())) {
            return "kc.grant.future";
        }
        return today.isAfter(grant.validTo()) ? "kc.grant.expired" : "kc.grant.valid";
    }
}
