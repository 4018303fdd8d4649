package se.susam.inloggning.bankid;

import java.util.Arrays;
import java.util.Optional;

/**
 * The {@code hintCode}s of RP API v6.0 {@code /collect}. Pending codes describe progress; failed
 * codes are final: the order must not be collected again.
 */
public enum HintCode {
    // pending
    OUTSTANDING_TRANSACTION("outstandingTransaction", true),
    NO_CLIENT("noClient", true),
    STARTED("started", true),
    USER_MRTD("userMrtd", true),
    USER_CALL_CONFIRM("userCallConfirm", true),
    USER_SIGN("userSign", true),
    // failed
    EXPIRED_TRANSACTION("expiredTransaction", false),
    CERTIFICATE_ERR("certificateErr", false),
    USER_CANCEL("userCancel", false),
    CANCELLED("cancelled", false),
    START_FAILED("startFailed", false),
    USER_DECLINED_CALL("userDeclinedCall", false),
    NOT_SUPPORTED_BY_USER_APP("notSupportedByUserApp", false),
    TRANSACTION_RISK_BLOCKED("transactionRiskBlocked", false);

    private final String wire;
    private final boolean pending;

    HintCode(String wire, boolean pending) {
        this.wire = wire;
        this.pending = pending;
    }

    /** The code as BankID sends it, e.g. {@code outstandingTransaction}. */
    public String wire() {
        return wire;
    }

    public boolean isPending() {
        return pending;
    }

    public static Optional<HintCode> of(String wire) {
        return Arrays.stream(values()).filter(h -> h.wire.equals(wire)).findFirst();
    }
}
