package se.susam.inloggning.identity;

import java.io.Serializable;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.susam.inloggning.errors.ErrorCode;
import se.susam.inloggning.errors.SusException;

/**
 * A Swedish personnummer or samordningsnummer, always held in its 12-digit form ÅÅÅÅMMDDNNNN.
 *
 * <p>Rules from Skatteverket's SKV 704 ("Personnummer") and SKV 707 ("Samordningsnummer"): the
 * last digit is a Luhn (mod 10) check digit over the 10 digits YYMMDDNNN; a samordningsnummer has
 * 60 added to the day; in the 10-digit form the separator is {@code -} below the age of 100 and
 * {@code +} from the year the person turns 100.
 *
 * <p>{@link #toString()} is masked, so a personnummer that slips into a log line is not disclosed.
 */
public record Personnummer(String value) implements Serializable {

    private static final Pattern TWELVE = Pattern.compile("(\\d{8})-?(\\d{4})");
    private static final Pattern TEN = Pattern.compile("(\\d{6})([-+]?)(\\d{4})");

    public Personnummer {
        if (value == null || !value.matches("\\d{12}")) {
            throw new SusException(ErrorCode.PNR_FORMAT);
        }
    }

    /** Parses with today's date deciding the century of the 10-digit forms. */
    public static Personnummer parse(String input) {
        return parse(input, Clock.systemDefaultZone());
    }

    /**
     * Parses what a person typed: 12 digits with or without a hyphen, or the 10-digit forms with
     * {@code -}, {@code +} or no separator. Spaces are ignored.
     *
     * @throws SusException with the PNR code the user should see
     */
    public static Personnummer parse(String input, Clock clock) {
        String text = input == null ? "" : input.replaceAll("\\s", "");
        if (text.isEmpty()) {
            throw new SusException(ErrorCode.PNR_EMPTY);
        }
        LocalDate today = LocalDate.now(clock);
        String twelve;
        Matcher m12 = TWELVE.matcher(text);
        Matcher m10 = TEN.matcher(text);
        if (m12.matches()) {
            twelve = m12.group(1) + m12.group(2);
        } else if (m10.matches()) {
            twelve = withCentury(m10.group(1), "+".equals(m10.group(2)), today) + m10.group(3);
        } else {
            throw new SusException(ErrorCode.PNR_FORMAT);
        }
        LocalDate birth = birthDate(twelve);
        if (birth.isAfter(today)) {
            throw new SusException(ErrorCode.PNR_FUTURE);
        }
        if (luhnCheckDigit(twelve.substring(2, 11)) != twelve.charAt(11) - '0') {
            throw new SusException(ErrorCode.PNR_CHECK_DIGIT);
        }
        return new Personnummer(twelve);
    }

    /** True for a samordningsnummer (day of birth + 60). */
    public boolean isSamordningsnummer() {
        return Integer.parseInt(value.substring(6, 8)) > 60;
    }

    public LocalDate birthDate() {
        return birthDate(value);
    }

    /** ÅÅÅÅMMDD-XXXX: the form shown outside the console and in logs. */
    public String masked() {
        return value.substring(0, 8) + "-XXXX";
    }

    /** ÅÅÅÅMMDD-NNNN: the form shown to the person themself and in the console. */
    public String formatted() {
        return value.substring(0, 8) + "-" + value.substring(8);
    }

    @Override
    public String toString() {
        return masked();
    }

    /** The Luhn check digit for the given digits (weights 2,1,2,1… from the left). */
    public static int luhnCheckDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < nineDigits.length(); i++) {
            int d = (nineDigits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }
        return (10 - sum % 10) % 10;
    }

    private static String withCentury(String yymmdd, boolean hundredOrOlder, LocalDate today) {
        int yy = Integer.parseInt(yymmdd.substring(0, 2));
        int year = today.getYear() - Math.floorMod(today.getYear() - yy, 100);
        if (hundredOrOlder) {
            year -= 100;
        }
        return year + yymmdd.substring(2);
    }

    private static LocalDate birthDate(String twelve) {
        int year = Integer.parseInt(twelve.substring(0, 4));
        int month = Integer.parseInt(twelve.substring(4, 6));
        int day = Integer.parseInt(twelve.substring(6, 8));
        if (day > 60) {
            day -= 60;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new SusException(ErrorCode.PNR_DATE);
        }
    }
}
