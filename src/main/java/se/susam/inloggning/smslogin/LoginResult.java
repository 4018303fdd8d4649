package se.susam.inloggning.smslogin;

import se.susam.inloggning.errors.ErrorCode;
import se.susam.inloggning.identity.PhoneNumber;
import se.susam.inloggning.login.AuthenticatedIdentity;

/** The outcome of one step of SMS login. */
sealed interface LoginResult {

    /** Step 1 passed: a code was sent; the transaction waits for it. */
    record Pending(String transactionId, PhoneNumber mobile) implements LoginResult {
    }

    /** Step 2 passed: the personnummer is proven. */
    record Authenticated(AuthenticatedIdentity identity) implements LoginResult {
    }

    /**
     * Refused with the code the user sees. {@code field} names the form field it belongs to, or is
     * {@code null}; {@code restart} is true when the login transaction is over and must start again.
     */
    record Rejected(ErrorCode code, String field, boolean restart, Object... arguments) implements LoginResult {
    }
}
