package se.susam.inloggning.orders;

/** What happened to the first master password after an order was approved. */
enum FirstPassword {
    /** The order is not for SMS login. */
    NOT_NEEDED,
    /** Generated, its hash stored and the SMS accepted by the gateway. */
    SENT,
    /** The SMS could not be sent: the administrator can send a new first password. */
    FAILED,
    /**
     * The person already had a master password (SMS login through another grant); it stays valid
     * and is not replaced unless the administrator chooses to send a new one.
     */
    KEPT
}
