package se.susam.inloggning.orders;

import java.util.Optional;

import org.springframework.stereotype.Component;

import se.susam.inloggning.access.GrantAdministration;
import se.susam.inloggning.access.Organisation;
import se.susam.inloggning.access.StaffRole;
import se.susam.inloggning.login.SusPrincipal;

/**
 * The staff member acting in the console, as far as orders are concerned. The console roles come
 * from the session (given only at a login that proves identity strongly: never SMS); the
 * organisation a beställare orders for is read from the registry at each request.
 *
 * @param ordersFor the organisation this person is beställare for, if they are one
 */
record ConsoleStaff(SusPrincipal principal, Optional<Organisation> ordersFor, boolean administrator) {

    public long personId() {
        return principal.personId();
    }

    public boolean orderer() {
        return ordersFor.isPresent();
    }

    boolean ordersFor(Organisation organisation) {
        return ordersFor.map(o -> o.id() == organisation.id()).orElse(false);
    }

    /** Reads a session's principal into a {@link ConsoleStaff}. */
    @Component
    static class Directory {

        private final GrantAdministration grants;

        Directory(GrantAdministration grants) {
            this.grants = grants;
        }

        ConsoleStaff of(SusPrincipal principal) {
            Optional<Organisation> ordersFor = principal.staffRoles().contains(StaffRole.BESTALLARE.name())
                    ? grants.ordererOrganisation(principal.personId()) : Optional.empty();
            return new ConsoleStaff(principal, ordersFor,
                    principal.staffRoles().contains(StaffRole.BEHORIGHETSADMINISTRATOR.name()));
        }
    }
}
