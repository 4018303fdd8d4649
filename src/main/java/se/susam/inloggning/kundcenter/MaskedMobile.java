package se.susam.inloggning.kundcenter;

import se.susam.inloggning.identity.PhoneNumber;

/**
 * A mobile number as Kundcenter may read it to a caller: a Swedish number keeps its operator
 * prefix and last two digits ("+46 70‑••• •• 67"), enough to ask "is it the one ending 67?" without
 * disclosing it; other countries keep the country code and last two digits.
 */
final class MaskedMobile {

    private MaskedMobile() {
    }

    static String of(PhoneNumber number) {
        String e164 = number.e164();
        String last = e164.substring(e164.length() - 2);
        if (e164.startsWith("+467") && e164.length() == 12) {
            return "+46 " + e164.substring(3, 5) + "\u2011••• •• " + last;
        }
        return number.masked().replace('*', '•');
    }
}
