package se.susam.inloggning.access;

import java.util.List;

import se.susam.inloggning.errors.ErrorCode;

/** What the access gate decided for a proven personnummer. */
public sealed interface AccessDecision {

    /** Valid access today: the person and the grants that are valid. */
    record Granted(Person person, List<AccessGrant> validGrants) implements AccessDecision {
    }

    /**
     * No valid access. {@code person} is empty when the personnummer is not in the registry;
     * {@code reason} is the ACC code the "Du saknar behörighet" page shows.
     */
    record Denied(java.util.Optional<Person> person, ErrorCode reason) implements AccessDecision {
    }
}
