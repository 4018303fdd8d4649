package se.susam.inloggning.bankid;

/** BankID's answer to {@code /phone/auth}: only the order reference (there is no QR code or autostart). */
public record PhoneOrderResponse(String orderRef) {
}
