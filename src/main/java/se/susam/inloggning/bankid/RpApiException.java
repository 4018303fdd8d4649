package se.susam.inloggning.bankid;

/**
 * BankID refused a call, or could not be reached. {@code details} is BankID's own text (never shown
 * to users: they see the recommended message and our error code).
 */
public class RpApiException extends RuntimeException {

    private final RpErrorCode errorCode;
    private final int httpStatus;
    private final String details;

    public RpApiException(RpErrorCode errorCode, int httpStatus, String details) {
        super(errorCode.wire() + " (HTTP " + httpStatus + ")" + (details == null ? "" : ": " + details));
        this.errorCode = errorCode;
        this.httpStatus = httpStatus;
        this.details = details;
    }

    RpApiException(RpErrorCode errorCode, String details, Throwable cause) {
        super(errorCode.wire() + ": " + details, cause);
        this.errorCode = errorCode;
        this.httpStatus = 0;
        this.details = details;
    }

    public RpErrorCode errorCode() {
        return errorCode;
    }

    /** The HTTP status BankID answered with, or 0 when there was no answer. */
    public int httpStatus() {
        return httpStatus;
    }

    public String details() {
        return details;
    }
}
