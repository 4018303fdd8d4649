package se.susam.inloggning.access;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import se.susam.inloggning.errors.ErrorCode;
import se.susam.inloggning.identity.Personnummer;

/**
 * Decides whether a proven personnummer may enter SUS: it needs at least one grant that is active
 * and within its dates today (SPEC §3.3). The reason for a denial is the most helpful one the
 * person's grants give: withdrawn, expired, not yet valid, or none at all.
 */
@Component
public class AccessGate {

    private final AccessRegistry registry;
    private final Clock clock;

    AccessGate(AccessRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    public AccessDecision decide(Personnummer personnummer) {
        Optional<Person> person = registry.findPerson(personnummer);
        if (person.isEmpty()) {
            return new AccessDecision.Denied(Optional.empty(), ErrorCode.ACC_NONE);
        }
        LocalDate today = LocalDate.now(clock);
        List<AccessGrant> grants = registry.grantsOf(person.get().id());
        List<AccessGrant> valid = grants.stream().filter(g -> g.isValidOn(today)).toList();
        if (!valid.isEmpty()) {
            return new AccessDecision.Granted(person.get(), valid);
        }
        return new AccessDecision.Denied(person, denialReason(grants, today));
    }

    private static ErrorCode denialReason(List<AccessGrant> grants, LocalDate today) {
        if (grants.isEmpty()) {
            return ErrorCode.ACC_NONE;
        }
        if (grants.stream().anyMatch(g -> g.status() == AccessStatus.ACTIVE && g.validFrom().isAfter(today))) {
            return ErrorCode.ACC_NOT_YET_VALID;
        }
        AccessGrant newest = grants.getFirst();
        return newest.status() == AccessStatus.WITHDRAWN ? ErrorCode.ACC_WITHDRAWN : ErrorCode.ACC_EXPIRED;
    }
}
