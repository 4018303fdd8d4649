package se.susam.inloggning.access;

import java.util.Set;

/** A behörighetsroll inside SUS. */
public enum Role {
    SAMVERKANSADMINISTRATOR("Samverkansadministratör"),
    INSATSANSVARIG("Insatsansvarig"),
    DELTAGARANSVARIG("Deltagaransvarig");

    private final String displayName;

    Role(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** Samverkansadministratör and Deltagaransvarig cannot be held together (SPEC §2). */
    public static boolean isAllowedCombination(Set<Role> roles) {
        return !roles.isEmpty() && !(roles.contains(SAMVERKANSADMINISTRATOR) && roles.contains(DELTAGARANSVARIG));
    }
}
