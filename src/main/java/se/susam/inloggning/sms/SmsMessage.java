package se.susam.inloggning.sms;

import se.susam.inloggning.identity.PhoneNumber;

/**
 * An SMS to send.
 *
 * @param flash message class 0: shown on the screen and not stored in the phone's inbox
 */
public record SmsMessage(PhoneNumber to, String text, boolean flash) {

    @Override
    public String toString() {
        return "SmsMessage[to=" + to.masked() + ", flash=" + flash + ", length=" + text.length() + "]";
    }
}
