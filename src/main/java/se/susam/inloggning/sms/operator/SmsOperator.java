package se.susam.inloggning.sms.operator;

import se.susam.inloggning.sms.SmsMessage;
import se.susam.inloggning.sms.SmsSendException;

/** One SMS operator connection (SMPP or HTTP API). Knows the protocol, nothing of Spring. */
public interface SmsOperator {

    /**
     * Hands the message to the operator.
     *
     * @return the operator's id of the message, which its delivery reports refer to
     * @throws SmsSendException if the operator did not accept it
     */
    String submit(SmsMessage message);
}
