package se.susam.inloggning.orders;

/** Where an order stands. */
enum OrderStatus {
    /** Inskickad, väntar på godkännande. */
    PENDING,
    /** Godkänd: the grant is created. */
    APPROVED,
    /** Avslagen, with the administrator's reason. */
    REJECTED,
    /** Ersatt: a newer order for the same person and organisation took its place. */
    SUPERSEDED
}
