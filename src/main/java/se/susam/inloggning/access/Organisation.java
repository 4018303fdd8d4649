package se.susam.inloggning.access;

import java.io.Serializable;

/** An employer that orders access for its staff. */
public record Organisation(long id, String orgNumber, String name, OrganisationKind kind) implements Serializable {
}
