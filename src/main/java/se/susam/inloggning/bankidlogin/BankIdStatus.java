package se.susam.inloggning.bankidlogin;

import se.susam.inloggning.bankid.Rfa;
import se.susam.inloggning.errors.ErrorCode;
import se.susam.inloggning.login.AuthenticatedIdentity;

/** Where a BankID login stands, as the waiting page shows it. */
sealed interface BankIdStatus {

    /**
     * Waiting for the user. {@code rfa} is BankID's recommended message for the hint code;
     * {@code autoStartUrl} starts the app on this device (null on another device, which shows the QR
     * code instead).
     */
    record Pending(Rfa rfa, boolean otherDevice, String autoStartUrl) implements BankIdStatus {
    }

    /** The personnummer is proven; the login is handed to the session at most once. */
    record Complete(AuthenticatedIdentity identity) implements BankIdStatus {
    }

    /** Over without a login: our code and BankID's recommended message. */
    record Failed(ErrorCode code, Rfa rfa) implements BankIdStatus {
    }
}
