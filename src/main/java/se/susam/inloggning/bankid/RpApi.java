package se.susam.inloggning.bankid;

/**
 * The four calls of BankID's RP API v6.0 this product uses. Each either returns BankID's answer or
 * throws {@link RpApiException} carrying BankID's {@code errorCode} (RP API v6.0, "Errors").
 */
public interface RpApi {

    /** {@code POST /auth}: starts an identification order. */
    OrderResponse auth(AuthRequest request);

    /** {@code POST /phone/auth}: starts an identification of a caller on the phone. */
    PhoneOrderResponse phoneAuth(PhoneAuthRequest request);

    /** {@code POST /collect}: the status of an order; BankID asks for at most one call per 2 s. */
    CollectResponse collect(String orderRef);

    /** {@code POST /cancel}: cancels a pending order. */
    void cancel(String orderRef);
}
