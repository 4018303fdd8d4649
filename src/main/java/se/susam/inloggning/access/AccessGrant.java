package se.susam.inloggning.access;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import se.susam.inloggning.identity.PhoneNumber;

/**
 * A behörighet: a person's access to SUS for one organisation, with roles and dates.
 *
 * @param smsLogin    whether the order allowed SMS login (which then needs {@code mobile})
 */
public record AccessGrant(long id, long personId, Organisation organisation, Set<Role> roles, LocalDate validFrom,
                          LocalDate validTo, AccessStatus status, boolean smsLogin, Optional<PhoneNumber> mobile) {

    public AccessGrant {
        roles = Set.copyOf(roles);
        if (validTo.isBefore(validFrom)) {
            throw new IllegalArgumentException("validTo before validFrom");
        }
        if (smsLogin && mobile.isEmpty()) {
            throw new IllegalArgumentException("SMS login needs a mobile number");
        }
    }

    /** The same grant with {@code roles} instead of its own. */
    public AccessGrant withRoles(Set<Role> roles) {
        return new AccessGrant(id, personId, organisation, roles, validFrom, validTo, status, smsLogin, mobile);
    }

    /** Active and {@code day} within its dates (both inclusive). */
    public boolean isValidOn(LocalDate day) {
        return status == AccessStatus.ACTIVE && !day.isBefore(validFrom) && !day.isAfter(validTo);
    }
}
