package se.susam.inloggning.errors;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every error a user can meet. The code is stable (support staff and users quote it); the texts
 * live in {@code messages.properties} (Swedish) and {@code messages_en.properties} under
 * {@code error.<code>.message|cause|remedy}, checked complete by {@code ErrorCatalogueTest}.
 */
public enum ErrorCode {
    GEN_SESSION_EXPIRED("GEN-001", ErrorFamily.GEN, 401),
    GEN_INTERNAL("GEN-002", ErrorFamily.GEN, 500),
    GEN_NOT_FOUND("GEN-003", ErrorFamily.GEN, 404),
    GEN_FORBIDDEN("GEN-004", ErrorFamily.GEN, 403),
    GEN_BAD_REQUEST("GEN-005", ErrorFamily.GEN, 400),

    PNR_EMPTY("PNR-001", ErrorFamily.PNR, 400),
    PNR_FORMAT("PNR-002", ErrorFamily.PNR, 400),
    PNR_DATE("PNR-003", ErrorFamily.PNR, 400),
    PNR_CHECK_DIGIT("PNR-004", ErrorFamily.PNR, 400),
    PNR_FUTURE("PNR-005", ErrorFamily.PNR, 400),

    ACC_NONE("ACC-001", ErrorFamily.ACC, 403),
    ACC_EXPIRED("ACC-002", ErrorFamily.ACC, 403),
    ACC_WITHDRAWN("ACC-003", ErrorFamily.ACC, 403),
    ACC_NOT_YET_VALID("ACC-004", ErrorFamily.ACC, 403),

    SMS_PASSWORD_EMPTY("SMS-001", ErrorFamily.SMS, 400),
    SMS_PASSWORD_LENGTH("SMS-002", ErrorFamily.SMS, 400),
    SMS_BAD_CREDENTIALS("SMS-003", ErrorFamily.SMS, 401),
    SMS_TEMPORARILY_LOCKED("SMS-004", ErrorFamily.SMS, 429),
    SMS_LOCKED("SMS-005", ErrorFamily.SMS, 423),
    SMS_CODE_EMPTY("SMS-006", ErrorFamily.SMS, 400),
    SMS_CODE_FORMAT("SMS-007", ErrorFamily.SMS, 400),
    SMS_CODE_WRONG("SMS-008", ErrorFamily.SMS, 401),
    SMS_CODE_EXPIRED("SMS-009", ErrorFamily.SMS, 401),
    SMS_TOO_MANY_CODE_ATTEMPTS("SMS-010", ErrorFamily.SMS, 401),
    SMS_NO_TRANSACTION("SMS-011", ErrorFamily.SMS, 409),
    SMS_RESEND_TOO_SOON("SMS-012", ErrorFamily.SMS, 429),
    SMS_RESEND_LIMIT("SMS-013", ErrorFamily.SMS, 429),
    SMS_SEND_FAILED("SMS-014", ErrorFamily.SMS, 503),

    DRF_TITLE_MISSING("DRF-001", ErrorFamily.DRF, 400),
    DRF_TITLE_TOO_LONG("DRF-002", ErrorFamily.DRF, 400),
    DRF_BODY_MISSING("DRF-003", ErrorFamily.DRF, 400),
    DRF_BODY_TOO_LONG("DRF-004", ErrorFamily.DRF, 400),
    DRF_KIND_MISSING("DRF-005", ErrorFamily.DRF, 400),
    DRF_AFFECTED_MISSING("DRF-006", ErrorFamily.DRF, 400),
    DRF_START_INVALID("DRF-007", ErrorFamily.DRF, 400),
    DRF_END_INVALID("DRF-008", ErrorFamily.DRF, 400),
    DRF_END_BEFORE_START("DRF-009", ErrorFamily.DRF, 400),
    DRF_MAINTENANCE("DRF-010", ErrorFamily.DRF, 503),
    DRF_ALREADY_ENDED("DRF-011", ErrorFamily.DRF, 409),

    OIDC_BAD_REQUEST("OIDC-001", ErrorFamily.OIDC, 400),
    OIDC_BAD_LOGOUT("OIDC-002", ErrorFamily.OIDC, 400),

    ELEG_UNAVAILABLE("ELEG-001", ErrorFamily.ELEG, 503),
    ELEG_CANCELLED("ELEG-002", ErrorFamily.ELEG, 401),
    ELEG_PERSONNUMMER_MISSING("ELEG-003", ErrorFamily.ELEG, 502),
    ELEG_PERSONNUMMER_INVALID("ELEG-004", ErrorFamily.ELEG, 502),
    ELEG_PROVIDER_ERROR("ELEG-005", ErrorFamily.ELEG, 502),
    ELEG_INVALID_RESPONSE("ELEG-006", ErrorFamily.ELEG, 502),
    ELEG_NO_TRANSACTION("ELEG-007", ErrorFamily.ELEG, 409),

    TJK_NO_CERTIFICATE("TJK-001", ErrorFamily.TJK, 401),
    TJK_EXPIRED("TJK-002", ErrorFamily.TJK, 401),
    TJK_NOT_YET_VALID("TJK-003", ErrorFamily.TJK, 401),
    TJK_UNKNOWN_ISSUER("TJK-004", ErrorFamily.TJK, 401),
    TJK_REVOKED("TJK-005", ErrorFamily.TJK, 401),
    TJK_REVOCATION_UNKNOWN("TJK-006", ErrorFamily.TJK, 503),
    TJK_WRONG_KEY_USAGE("TJK-007", ErrorFamily.TJK, 401),
    TJK_NO_PERSONNUMMER("TJK-008", ErrorFamily.TJK, 401),
    TJK_INVALID_PERSONNUMMER("TJK-009", ErrorFamily.TJK, 401),
    TJK_POLICY("TJK-010", ErrorFamily.TJK, 401),
    TJK_CHAIN_INVALID("TJK-011", ErrorFamily.TJK, 401),
    TJK_UNREADABLE("TJK-012", ErrorFamily.TJK, 400),

    FEL_GROUP("FEL-001", ErrorFamily.FEL, 400),
    FEL_NAME_EMPTY("FEL-002", ErrorFamily.FEL, 400),
    FEL_EMAIL_EMPTY("FEL-003", ErrorFamily.FEL, 400),
    FEL_EMAIL_FORMAT("FEL-004", ErrorFamily.FEL, 400),
    FEL_PHONE_FORMAT("FEL-005", ErrorFamily.FEL, 400),
    FEL_ORGANISATION_EMPTY("FEL-006", ErrorFamily.FEL, 400),
    FEL_METHOD("FEL-007", ErrorFamily.FEL, 400),
    FEL_CODE_FORMAT("FEL-008", ErrorFamily.FEL, 400),
    FEL_REFERENCE_FORMAT("FEL-009", ErrorFamily.FEL, 400),
    FEL_TIME_FORMAT("FEL-010", ErrorFamily.FEL, 400),
    FEL_TIME_FUTURE("FEL-011", ErrorFamily.FEL, 400),
    FEL_DESCRIPTION_EMPTY("FEL-012", ErrorFamily.FEL, 400),
    FEL_DESCRIPTION_LENGTH("FEL-013", ErrorFamily.FEL, 400),
    FEL_RATE_LIMITED("FEL-014", ErrorFamily.FEL, 429),
    FEL_NO_RECEIPT("FEL-015", ErrorFamily.FEL, 404),
    FEL_NAME_LENGTH("FEL-016", ErrorFamily.FEL, 400),
    FEL_KIND("FEL-017", ErrorFamily.FEL, 400),
    FEL_ORGANISATION_LENGTH("FEL-018", ErrorFamily.FEL, 400),
    BID_USER_CANCEL("BID-001", ErrorFamily.BID, 401),
    BID_EXPIRED("BID-002", ErrorFamily.BID, 401),
    BID_CERTIFICATE("BID-003", ErrorFamily.BID, 401),
    BID_START_FAILED("BID-004", ErrorFamily.BID, 401),
    BID_CANCELLED_BY_NEW_ORDER("BID-005", ErrorFamily.BID, 409),
    BID_FAILED("BID-006", ErrorFamily.BID, 401),
    BID_ALREADY_IN_PROGRESS("BID-007", ErrorFamily.BID, 409),
    BID_UNAVAILABLE("BID-008", ErrorFamily.BID, 503),
    BID_TECHNICAL("BID-009", ErrorFamily.BID, 500),
    BID_NO_LOGIN("BID-010", ErrorFamily.BID, 409),
    BID_RETURN_MISMATCH("BID-011", ErrorFamily.BID, 400),
    BID_DEVICE_CHOICE("BID-012", ErrorFamily.BID, 400),

    ORD_PNR_EMPTY("ORD-001", ErrorFamily.ORD, 400),
    ORD_PNR_FORMAT("ORD-002", ErrorFamily.ORD, 400),
    ORD_PNR_DATE("ORD-003", ErrorFamily.ORD, 400),
    ORD_PNR_CHECK_DIGIT("ORD-004", ErrorFamily.ORD, 400),
    ORD_PNR_FUTURE("ORD-005", ErrorFamily.ORD, 400),
    ORD_GIVEN_NAME_EMPTY("ORD-006", ErrorFamily.ORD, 400),
    ORD_GIVEN_NAME_LENGTH("ORD-007", ErrorFamily.ORD, 400),
    ORD_FAMILY_NAME_EMPTY("ORD-008", ErrorFamily.ORD, 400),
    ORD_FAMILY_NAME_LENGTH("ORD-009", ErrorFamily.ORD, 400),
    ORD_EMAIL_EMPTY("ORD-010", ErrorFamily.ORD, 400),
    ORD_EMAIL_FORMAT("ORD-011", ErrorFamily.ORD, 400),
    ORD_MOBILE_FORMAT("ORD-012", ErrorFamily.ORD, 400),
    ORD_MOBILE_MISSING("ORD-013", ErrorFamily.ORD, 400),
    ORD_METHOD_MISSING("ORD-014", ErrorFamily.ORD, 400),
    ORD_ORGANISATION("ORD-015", ErrorFamily.ORD, 400),
    ORD_ROLE_MISSING("ORD-016", ErrorFamily.ORD, 400),
    ORD_ROLE_COMBINATION("ORD-017", ErrorFamily.ORD, 400),
    ORD_START_INVALID("ORD-018", ErrorFamily.ORD, 400),
    ORD_START_PAST("ORD-019", ErrorFamily.ORD, 400),
    ORD_END_INVALID("ORD-020", ErrorFamily.ORD, 400),
    ORD_END_BEFORE_START("ORD-021", ErrorFamily.ORD, 400),
    ORD_PERIOD_TOO_LONG("ORD-022", ErrorFamily.ORD, 400),
    ORD_DUPLICATE("ORD-023", ErrorFamily.ORD, 400),
    ORD_REASON_MISSING("ORD-024", ErrorFamily.ORD, 400),
    ORD_REASON_LENGTH("ORD-025", ErrorFamily.ORD, 400),
    ORD_OWN_ORDER("ORD-026", ErrorFamily.ORD, 403),
    ORD_NOT_PENDING("ORD-027", ErrorFamily.ORD, 409),
    ORD_OTHER_ORGANISATION("ORD-028", ErrorFamily.ORD, 403),
    ORD_FIRST_SMS_FAILED("ORD-029", ErrorFamily.ORD, 503),
    ORD_GRANT_NOT_ACTIVE("ORD-030", ErrorFamily.ORD, 409),
    ORD_RESEND_NOT_POSSIBLE("ORD-031", ErrorFamily.ORD, 409),
    KC_PERSON_NOT_FOUND("KC-001", ErrorFamily.KC, 404),
    KC_NO_SMS_LOGIN("KC-002", ErrorFamily.KC, 409),
    KC_NAME_MISMATCH("KC-003", ErrorFamily.KC, 400),
    KC_PERSONNUMMER_MISMATCH("KC-004", ErrorFamily.KC, 400),
    KC_MOBILE_MISMATCH("KC-005", ErrorFamily.KC, 400),
    KC_EMAIL_MISMATCH("KC-006", ErrorFamily.KC, 400),
    KC_ORGANISATION_MISMATCH("KC-007", ErrorFamily.KC, 400),
    KC_NOT_CONFIRMED("KC-008", ErrorFamily.KC, 400),
    KC_SMS_FAILED("KC-009", ErrorFamily.KC, 502),
    KC_BANKID_FAILED("KC-010", ErrorFamily.KC, 409);

    private final String code;
    private final ErrorFamily family;
    private final int httpStatus;

    ErrorCode(String code, ErrorFamily family, int httpStatus) {
        this.code = code;
        this.family = family;
        this.httpStatus = httpStatus;
    }

    /** The stable code users and support quote, e.g. {@code SMS-003}. */
    public String code() {
        return code;
    }

    public ErrorFamily family() {
        return family;
    }

    /** The HTTP status of a response that shows this error. */
    public int httpStatus() {
        return httpStatus;
    }

    public String messageKey() {
        return "error." + code + ".message";
    }

    public String causeKey() {
        return "error." + code + ".cause";
    }

    public String remedyKey() {
        return "error." + code + ".remedy";
    }

    public static Optional<ErrorCode> byCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }

    public static List<ErrorCode> inFamily(ErrorFamily family) {
        return Arrays.stream(values()).filter(c -> c.family == family).toList();
    }
}
