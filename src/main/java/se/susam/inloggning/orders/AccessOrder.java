package se.susam.inloggning.orders;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import se.susam.inloggning.access.Organisation;
import se.susam.inloggning.access.Role;
import se.susam.inloggning.identity.Personnummer;
import se.susam.inloggning.identity.PhoneNumber;

/**
 * One beställning as stored.
 *
 * @param orderedBy the beställare's person id; never the approver (four-eyes rule)
 */
record AccessOrder(long id, Personnummer personnummer, String givenName, String familyName, String email,
                   Optional<PhoneNumber> mobile, Organisation organisation, Set<Role> roles, boolean smsLogin,
                   LocalDate validFrom, LocalDate validTo, OrderStatus status, long orderedBy, String orderedByName,
                   Instant orderedAt, Optional<String> decidedByName, Optional<Instant> decidedAt,
                   Optional<String> reason, Optional<Long> supersededBy, Optional<Long> grantId,
                   Optional<FirstPassword> firstPassword) {

    AccessOrder {
        roles = Set.copyOf(roles);
    }

    private static final DateTimeFormatter SHOWN = DateTimeFormatter
            .ofPattern("uuuu-MM-dd HH:mm").withZone(ZoneId.of("Europe/Stockholm"));

    /** When it was ordered, in Swedish time as the console shows it. */
    public String orderedAtShown() {
        return SHOWN.format(orderedAt);
    }

    public String decidedAtShown() {
        return decidedAt.map(SHOWN::format).orElse("");
    }

    public String fullName() {
        return givenName + " " + familyName;
    }

    /** The roles in the blankett's order, for pages and audit details. */
    public List<Role> sortedRoles() {
        return roles.stream().sorted().toList();
    }

    /** The same person, organisation and everything they asked for: a second submission of this order. */
    boolean sameRequestAs(NewOrder other) {
        return personnummer.equals(other.personnummer()) && organisation.id() == other.organisation().id()
                && roles.equals(other.roles()) && smsLogin == other.smsLogin() && mobile.equals(other.mobile())
                && validFrom.equals(other.validFrom()) && validTo.equals(other.validTo());
    }
}
