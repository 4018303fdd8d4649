package se.susam.inloggning.incident;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A report's number as the receipt shows it and Kundcenter quotes it: {@code FA-2026-000123}, the
 * year it was filed (Swedish time) and a number from one database sequence, so it is unique on
 * every node and never reused.
 */
record TicketNumber(int year, long sequence) {

    private static final Pattern FORMAT = Pattern.compile("FA-(\\d{4})-(\\d{6,18})");

    TicketNumber {
        if (year < 2000 || year > 9999 || sequence < 1) {
            throw new IllegalArgumentException("Not a ticket number");
        }
    }

    static Optional<TicketNumber> parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new TicketNumber(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2))));
    }

    @Override
    public String toString() {
        return "FA-%d-%06d".formatted(year, sequence);
    }
}
