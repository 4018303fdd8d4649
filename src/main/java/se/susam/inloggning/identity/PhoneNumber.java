package se.susam.inloggning.identity;

import java.io.Serializable;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber;

/**
 * A mobile number in E.164 ({@code +46701740605}), validated with libphonenumber. Numbers without
 * a country code are read as Swedish. {@link #toString()} is masked: only the last two digits show.
 */
public record PhoneNumber(String e164) implements Serializable {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    public PhoneNumber {
        if (e164 == null || !e164.matches("\\+[1-9]\\d{6,14}")) {
            throw new IllegalArgumentException("Not an E.164 number");
        }
    }

    /**
     * Parses a mobile number as typed ("070-174 06 05", "+46 70 174 06 05").
     *
     * @throws IllegalArgumentException if it is not a valid mobile number
     */
    public static PhoneNumber parseMobile(String input) {
        try {
            Phonenumber.PhoneNumber parsed = UTIL.parse(input, "SE");
            PhoneNumberType type = UTIL.getNumberType(parsed);
            if (!UTIL.isValidNumber(parsed)
                    || (type != PhoneNumberType.MOBILE && type != PhoneNumberType.FIXED_LINE_OR_MOBILE)) {
                throw new IllegalArgumentException("Not a valid mobile number");
            }
            return new PhoneNumber(UTIL.format(parsed, PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            throw new IllegalArgumentException("Not a phone number", e);
        }
    }

    /** "+46 70‑*** ** 05" style: country code and last two digits only. */
    public String masked() {
        return e164.substring(0, 3) + " " + "*".repeat(Math.max(0, e164.length() - 5)) + e164.substring(e164.length() - 2);
    }

    @Override
    public String toString() {
        return masked();
    }
}
