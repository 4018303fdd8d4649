package se.susam.inloggning.tjanstekort;

import se.susam.inloggning.errors.ErrorCode;
import se.susam.inloggning.login.AuthenticatedIdentity;

/** The outcome of a tjänstekort login attempt. */
sealed interface CertificateLoginResult {

    /** The certificate proved the personnummer; next is the access gate. */
    record Authenticated(AuthenticatedIdentity identity) implements CertificateLoginResult {
    }

    /** Refused with the code the user sees. */
    record Rejected(ErrorCode code) implements CertificateLoginResult {
    }
}
