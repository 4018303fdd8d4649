package se.susam.inloggning.bankid;

import java.util.Optional;

/**
 * BankID's answer to {@code /collect} (RP API v6.0).
 *
 * @param status         {@code pending}, {@code failed} or {@code complete}
 * @param hintCode       why the order is pending or failed; BankID may add codes, so it is kept as
 *                       sent and read through {@link #hint()}
 * @param completionData present only when {@code status} is {@code complete}
 */
public record CollectResponse(String orderRef, String status, String hintCode, CompletionData completionData) {

    public Status state() {
        return Status.of(status);
    }

    /** The hint code as a known value, or empty for none or one this client does not know. */
    public Optional<HintCode> hint() {
        return HintCode.of(hintCode);
    }

    /** The three states of an order. */
    public enum Status {
        PENDING, FAILED, COMPLETE;

        static Status of(String wire) {
            return switch (wire == null ? "" : wire) {
                case "pending" -> PENDING;
                case "failed" -> FAILED;
                case "complete" -> COMPLETE;
                default -> throw new RpApiException(RpErrorCode.UNEXPECTED_RESPONSE, 200,
                        "collect status " + wire);
            };
        }
    }
}
