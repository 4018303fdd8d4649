package se.susam.inloggning.sms;

/** Hands an SMS to an operator (or, in the demo, to the outbox). */
public interface SmsGateway {

    /**
     * Sends the message or throws {@link SmsSendException}; returning means the operator (or outbox)
     * accepted it.
     */
    void send(SmsMessage message);
}
