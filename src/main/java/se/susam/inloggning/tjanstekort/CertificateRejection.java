package se.susam.inloggning.tjanstekort;

import se.susam.inloggning.errors.ErrorCode;

/** Why a presented certificate cannot log anyone in: each reason has its own error code. */
enum CertificateRejection {
    NO_CERTIFICATE(ErrorCode.TJK_NO_CERTIFICATE),
    EXPIRED(ErrorCode.TJK_EXPIRED),
    NOT_YET_VALID(ErrorCode.TJK_NOT_YET_VALID),
    UNKNOWN_ISSUER(ErrorCode.TJK_UNKNOWN_ISSUER),
    REVOKED(ErrorCode.TJK_REVOKED),
    REVOCATION_UNKNOWN(ErrorCode.TJK_REVOCATION_UNKNOWN),
    WRONG_KEY_USAGE(ErrorCode.TJK_WRONG_KEY_USAGE),
    NO_PERSONNUMMER(ErrorCode.TJK_NO_PERSONNUMMER),
    INVALID_PERSONNUMMER(ErrorCode.TJK_INVALID_PERSONNUMMER),
    POLICY(ErrorCode.TJK_POLICY),
    CHAIN_INVALID(ErrorCode.TJK_CHAIN_INVALID),
    UNREADABLE(ErrorCode.TJK_UNREADABLE);

    private final ErrorCode code;

    CertificateRejection(ErrorCode code) {
        this.code = code;
    }

    ErrorCode code() {
        return code;
    }
}
