package se.susam.inloggning.access;

/** A role in the staff console (SPEC §3.5), held beside or without access to SUS itself. */
public enum StaffRole {
    /** Orders access for the staff of one organisation (blankett 9445). */
    BESTALLARE,
    /** Försäkringskassan's access administration: approves orders, withdraws access. */
    BEHORIGHETSADMINISTRATOR,
    /** Kundcenter för partner: helps users, publishes driftinformation, works incident reports. */
    KUNDCENTER;

    /** The Spring Security authority for this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
