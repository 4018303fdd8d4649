package se.susam.inloggning.bankid;

import java.util.Arrays;

/**
 * The {@code errorCode}s of RP API v6.0 ("Errors"), plus what a client meets before BankID answers.
 * BankID sends {@code {"errorCode": …, "details": …}} with the HTTP status noted here.
 */
public enum RpErrorCode {
    /** 400: an order for this personal number is already in progress; no new order was made. */
    ALREADY_IN_PROGRESS("alreadyInProgress"),
    /** 400: a parameter is invalid or missing; {@code details} says which. */
    INVALID_PARAMETERS("invalidParameters"),
    /** 401/403: the RP certificate is not accepted for this call. */
    UNAUTHORIZED("unauthorized"),
    /** 404: the endpoint does not exist. */
    NOT_FOUND("notFound"),
    /** 405: the endpoint was called with another method than POST. */
    METHOD_NOT_ALLOWED("methodNotAllowed"),
    /** 408: BankID did not receive the whole request in time. */
    REQUEST_TIMEOUT("requestTimeout"),
    /** 415: the Content-Type was not {@code application/json} (a charset parameter is refused too). */
    UNSUPPORTED_MEDIA_TYPE("unsupportedMediaType"),
    /** 429: too many requests for this relying party; retried with backoff. */
    TOO_MANY_REQUESTS("tooManyRequests"),
    /** 500: an internal error at BankID. */
    INTERNAL_ERROR("internalError"),
    /** 503: BankID is under maintenance; retried with backoff. */
    MAINTENANCE("maintenance"),
    /** BankID answered with a status or code this client does not know. */
    UNKNOWN("unknown"),
    /** No answer: connection refused, TLS handshake failed or the call timed out. */
    TRANSPORT("transport"),
    /** BankID answered 200 with a body this client cannot read. */
    UNEXPECTED_RESPONSE("unexpectedResponse");

    private final String wire;

    RpErrorCode(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The code for BankID's {@code errorCode}, falling back to the HTTP status when it is missing. */
    static RpErrorCode of(String errorCode, int httpStatus) {
        return Arrays.stream(values()).filter(c -> c.wire.equals(errorCode)).findFirst()
                .orElseGet(() -> switch (httpStatus) {
                    case 401, 403 -> UNAUTHORIZED;
                    case 404 -> NOT_FOUND;
                    case 405 -> METHOD_NOT_ALLOWED;
                    case 408 -> REQUEST_TIMEOUT;
                    case 415 -> UNSUPPORTED_MEDIA_TYPE;
                    case 429 -> TOO_MANY_REQUESTS;
                    case 500 -> INTERNAL_ERROR;
                    case 503 -> MAINTENANCE;
                    default -> UNKNOWN;
                });
    }

    /** True when BankID did not act on the request and asks to try again later. */
    boolean isRetriable() {
        return this == MAINTENANCE || this == TOO_MANY_REQUESTS;
    }
}
