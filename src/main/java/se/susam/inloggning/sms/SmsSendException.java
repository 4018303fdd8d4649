package se.susam.inloggning.sms;

/** The gateway could not hand the message over. The message never contains the SMS text. */
public class SmsSendException extends RuntimeException {

    public SmsSendException(String message) {
        super(message);
    }

    public SmsSendException(String message, Throwable cause) {
        super(message, cause);
    }
}
