package se.susam.inloggning.bankid;

/**
 * BankID's answer to {@code /auth}. The {@code qrStartSecret} keys the animated QR code's HMAC and
 * must never leave our server (RP API v6.0, "QR codes"); {@link #toString()} hides it and the tokens.
 */
public record OrderResponse(String orderRef, String autoStartToken, String qrStartToken, String qrStartSecret) {

    @Override
    public String toString() {
        return "OrderResponse[orderRef=" + orderRef + ", autoStartToken=…, qrStartToken=…, qrStartSecret=…]";
    }
}
