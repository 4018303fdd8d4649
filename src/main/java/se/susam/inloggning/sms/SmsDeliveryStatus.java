package se.susam.inloggning.sms;

/** Where an SMS handed to an operator is, as far as the operator has told. */
public enum SmsDeliveryStatus {
    /** The operator accepted it; no final report yet. */
    SUBMITTED(false),
    /** The phone received it. */
    DELIVERED(true),
    /** The operator or network gave up on it (undeliverable, rejected, deleted). */
    FAILED(true),
    /** Its validity period ran out before the phone could take it. */
    EXPIRED(true),
    /** The operator reported a state it cannot name. */
    UNKNOWN(false);

    private final boolean last;

    SmsDeliveryStatus(boolean last) {
        this.last = last;
    }

    /** A final status: later reports never replace it. */
    public boolean isFinal() {
        return last;
    }
}
