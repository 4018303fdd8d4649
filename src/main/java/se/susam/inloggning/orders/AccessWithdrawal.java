package se.susam.inloggning.orders;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import se.susam.inloggning.access.GrantAdministration;
import se.susam.inloggning.access.GrantAdministration.HeldGrant;
import se.susam.inloggning.access.Organisation;
import se.susam.inloggning.errors.ErrorCode;
import se.susam.inloggning.errors.SusException;
import se.susam.inloggning.login.PersonSessions;

/**
 * Withdrawing access (SPEC §3.3: "Withdrawn or expired access ends the person's sessions"): a
 * beställare for their own organisation's grants, a behörighetsadministratör for any. The grant
 * becomes WITHDRAWN and every session the person has, on every node, ends at once.
 */
@Service
class AccessWithdrawal {

    private final GrantAdministration grants;
    private final PersonSessions sessions;
    private final OrderAudit audit;
    private final Clock clock;

    AccessWithdrawal(GrantAdministration grants, PersonSessions sessions, OrderAudit audit, Clock clock) {
        this.grants = grants;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The organisation whose grants this staff member may list: a beställare their own (and only
     * that), an administrator any they choose.
     */
    Optional<Organisation> listable(Optional<Long> chosen, ConsoleStaff staff, String clientIp) {
        if (!staff.orderer() && !staff.administrator()) {
            throw audit.denied("GRANT_LIST", ErrorCode.GEN_FORBIDDEN, null, staff, clientIp, null);
        }
        if (staff.administrator()) {
            return chosen.flatMap(grants::findOrganisation).or(() -> staff.ordersFor());
        }
        if (chosen.isPresent() && chosen.get() != staff.ordersFor().orElseThrow().id()) {
            throw audit.denied("GRANT_LIST", ErrorCode.ORD_OTHER_ORGANISATION, null, staff, clientIp,
                    "organisation " + chosen.get());
        }
        return staff.ordersFor();
    }

    /** The organisation's active grants, audited: the page lists persons' personnummer. */
    List<HeldGrant> activeGrants(Organisation organisation, ConsoleStaff staff, String clientIp) {
        audit.success("GRANT_LIST", null, staff, clientIp, "organisation " + organisation.orgNumber());
        return grants.activeGrants(organisation.id(), LocalDate.now(clock));
    }

    List<Organisation> organisations() {
        return grants.organisations();
    }

    /**
     * Withdraws the grant and ends the person's sessions ({@code ownSession} is kept when staff
     * withdraw their own access, so the page can answer).
     *
     * @return the grant as it was
     */
    HeldGrant withdraw(long grantId, ConsoleStaff staff, String clientIp, Optional<String> ownSession) {
        if (!staff.orderer() && !staff.administrator()) {
            throw audit.denied("ACCESS_WITHDRAWN", ErrorCode.GEN_FORBIDDEN, null, staff, clientIp,
                    "behörighet " + grantId);
        }
        HeldGrant held = grants.findGrant(grantId).orElseThrow(() -> new SusException(ErrorCode.GEN_NOT_FOUND));
        if (!staff.administrator() && !staff.ordersFor(held.grant().organisation())) {
            throw audit.denied("ACCESS_WITHDRAWN", ErrorCode.ORD_OTHER_ORGANISATION, held.person().personnummer(),
                    staff, clientIp, "behörighet " + grantId);
        }
        if (!grants.withdraw(grantId)) {
            audit.failure("ACCESS_WITHDRAWN", ErrorCode.ORD_GRANT_NOT_ACTIVE, held.person().personnummer(), staff,
                    clientIp, "behörighet " + grantId + " har status " + held.grant().status());
            throw new SusException(ErrorCode.ORD_GRANT_NOT_ACTIVE);
        }
        int ended = sessions.endAll(held.person().id(),
                held.person().id() == staff.personId() ? ownSession : Optional.empty());
        audit.success("ACCESS_WITHDRAWN", held.person().personnummer(), staff, clientIp, "behörighet " + grantId + " ("
                + held.grant().organisation().orgNumber() + ") aktiv → återkallad, avslutade sessioner: " + ended);
        return held;
    }
}
