package se.susam.inloggning.access;

/** Whether a grant stands or was withdrawn; expiry follows from its dates. */
public enum AccessStatus {
    ACTIVE, WITHDRAWN
}
