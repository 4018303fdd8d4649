package se.susam.inloggning.login;

import java.time.Instant;

import se.susam.inloggning.identity.Personnummer;

/** A personnummer proven by a login method: what every method hands to {@link LoginCompletion}. */
public record AuthenticatedIdentity(Personnummer personnummer, LoginMethod method, Instant authenticatedAt) {
}
