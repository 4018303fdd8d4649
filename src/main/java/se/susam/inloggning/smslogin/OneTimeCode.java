package se.susam.inloggning.smslogin;

import java.security.SecureRandom;

import se.susam.inloggning.errors.ErrorCode;
import se.susam.inloggning.errors.SusException;

/**
 * An engångslösen: the seed's "6 tecken", as 6 digits from a CSPRNG (about 20 bits, the
 * out-of-band secret size of NIST SP 800-63B §5.1.3.2). {@link #toString()} never shows it.
 */
record OneTimeCode(String value) {

    static final int LENGTH = 6;

    OneTimeCode {
        if (value == null || !value.matches("\\d{" + LENGTH + "}")) {
            throw new SusException(ErrorCode.SMS_CODE_FORMAT);
        }
    }

    static OneTimeCode generate(SecureRandom random) {
        return new OneTimeCode("%06d".formatted(random.nextInt(1_000_000)));
    }

    /** Reads what a person typed; spaces and dashes are ignored ("123 456", "123-456"). */
    static OneTimeCode parse(String input) {
        String digits = input == null ? "" : input.replaceAll("[\\s-]", "");
        if (digits.isEmpty()) {
            throw new SusException(ErrorCode.SMS_CODE_EMPTY);
        }
        return new OneTimeCode(digits);
    }

    @Override
    public String toString() {
        return "OneTimeCode[******]";
    }
}
