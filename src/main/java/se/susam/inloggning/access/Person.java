package se.susam.inloggning.access;

import se.susam.inloggning.identity.Personnummer;

/** A person in the registry. */
public record Person(long id, Personnummer personnummer, String givenName, String familyName, String email) {

    public String fullName() {
        return givenName + " " + familyName;
    }
}
