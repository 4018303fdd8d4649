package se.susam.inloggning.orders;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import se.susam.inloggning.access.Organisation;
import se.susam.inloggning.access.Role;
import se.susam.inloggning.identity.Personnummer;
import se.susam.inloggning.identity.PhoneNumber;

/** A checked order, ready to store. The grant gets the mobile number only with SMS login. */
record NewOrder(Personnummer personnummer, String givenName, String familyName, String email,
                Optional<PhoneNumber> mobile, Organisation organisation, Set<Role> roles, boolean smsLogin,
                LocalDate validFrom, LocalDate validTo) {

    NewOrder {
        roles = Set.copyOf(roles);
    }
}
