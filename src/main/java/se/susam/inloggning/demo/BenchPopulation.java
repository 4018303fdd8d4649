package se.susam.inloggning.demo;

import java.time.LocalDate;

import se.susam.inloggning.identity.Personnummer;
import se.susam.inloggning.identity.PhoneNumber;

/**
 * The persons of the SMS login load benchmark, numbered from 0: the {@code bench} profile seeds
 * them and the benchmark client logs in as them, both computing the same personnummer and mobile
 * number from the index. Personnummer use birth numbers 980–999 as Skatteverket's test numbers
 * do, born 1925–1938 so they never meet the demo persons or the tests' persons in one database;
 * the mobile numbers (073-190 00 00 and up) are only ever written to the outbox, never sent.
 */
public final class BenchPopulation {

    /** The one master password every benchmark person has (hashed once, stored for all). */
    public static final String MASTER_PASSWORD = "Bnch4Rqt";

    /** Most persons one run can seed: the mobile number range below has this many numbers. */
    public static final int MAX_USERS = 100_000;

    private static final LocalDate FIRST_BIRTH_DATE = LocalDate.of(1925, 1, 1);

    private BenchPopulation() {
    }

    /** One benchmark person's login identifiers. */
    public record BenchUser(int index, Personnummer personnummer, PhoneNumber mobile) {
    }

    public static BenchUser user(int index) {
        if (index < 0 || index >= MAX_USERS) {
            throw new IllegalArgumentException("Benchmark user index must be 0–" + (MAX_USERS - 1));
        }
        LocalDate birth = FIRST_BIRTH_DATE.plusDays(index / 20);
        String nine = "%02d%02d%02d%03d".formatted(birth.getYear() % 100, birth.getMonthValue(),
                birth.getDayOfMonth(), 980 + index % 20);
        Personnummer personnummer = new Personnummer(birth.getYear() / 100 + nine + Personnummer.luhnCheckDigit(nine));
        PhoneNumber mobile = new PhoneNumber("+4673190%05d".formatted(index));
        return new BenchUser(index, personnummer, mobile);
    }
}
