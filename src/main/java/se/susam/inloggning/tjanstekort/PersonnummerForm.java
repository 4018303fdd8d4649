package se.susam.inloggning.tjanstekort;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a card issuer writes the personnummer in the subject's serialNumber attribute (X.520,
 * OID 2.5.4.5). Which forms an issuer uses is configured per issuer.
 */
public enum PersonnummerForm {
    /** Twelve digits, ÅÅÅÅMMDDNNNN. */
    PLAIN("(\\d{12})"),
    /**
     * The natural-person semantics identifier of ETSI EN 319 412-1 §5.1.3: type {@code PNO},
     * country {@code SE}, hyphen, then the twelve digits.
     */
    PNOSE("PNOSE-(\\d{12})"),
    /** ÅÅÅÅMMDD-NNNN. */
    HYPHENATED("(\\d{8})-(\\d{4})");

    private final Pattern pattern;

    PersonnummerForm(String regex) {
        this.pattern = Pattern.compile(regex);
    }

    /** The twelve digits, when {@code serialNumber} is written in this form. */
    Optional<String> digits(String serialNumber) {
        Matcher m = pattern.matcher(serialNumber.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        StringBuilder digits = new StringBuilder();
        for (int group = 1; group <= m.groupCount(); group++) {
            digits.append(m.group(group));
        }
        return Optional.of(digits.toString());
    }
}
