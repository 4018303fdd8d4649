package se.susam.inloggning.testsupport;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import se.susam.inloggning.access.AccessRegistry;
import se.susam.inloggning.access.AccessStatus;
import se.susam.inloggning.access.Organisation;
import se.susam.inloggning.access.OrganisationKind;
import se.susam.inloggning.access.Person;
import se.susam.inloggning.access.Role;
import se.susam.inloggning.credentials.MasterPasswords;
import se.susam.inloggning.identity.Personnummer;
import se.susam.inloggning.identity.PhoneNumber;

/** Creates registry data for one test: unique personnummer and mobile numbers every call. */
public class TestRegistry {

    private static final AtomicInteger PERSON = new AtomicInteger(ThreadLocalRandom.current().nextInt(100_000));
    private static final AtomicInteger MOBILE = new AtomicInteger(ThreadLocalRandom.current().nextInt(1_000_000));

    private final AccessRegistry registry;
    private final MasterPasswords masterPasswords;

    public TestRegistry(AccessRegistry registry, MasterPasswords masterPasswords) {
        this.registry = registry;
        this.masterPasswords = masterPasswords;
    }

    /** A person with SMS login and valid access; returns what a test needs to log in. */
    public SmsUser smsUser(String masterPassword) {
        return smsUser(masterPassword, AccessStatus.ACTIVE, LocalDate.now().minusDays(10), LocalDate.now().plusDays(10));
    }

    public SmsUser smsUser(String masterPassword, AccessStatus status, LocalDate from, LocalDate to) {
        Person person = person("Test", "Person");
        PhoneNumber mobile = uniqueMobile();
        registry.addGrant(person.id(), organisation(), Set.of(Role.INSATSANSVARIG), from, to, status,
                Optional.of(mobile));
        masterPasswords.set(person.id(), masterPassword);
        return new SmsUser(person, mobile, masterPassword);
    }

    public Person person(String givenName, String familyName) {
        return registry.addPerson(uniquePersonnummer(), givenName, familyName, "test@example.se");
    }

    public Organisation organisation() {
        String number = "2120%02d-%04d".formatted(ThreadLocalRandom.current().nextInt(100),
                ThreadLocalRandom.current().nextInt(10_000));
        return registry.findOrganisation(number)
                .orElseGet(() -> registry.addOrganisation(number, "Testkommun " + number, OrganisationKind.KOMMUN));
    }

    public AccessRegistry registry() {
        return registry;
    }

    public MasterPasswords masterPasswords() {
        return masterPasswords;
    }

    /** A valid personnummer no other call in this run returns (birth numbers 980–999, as test numbers). */
    public static Personnummer uniquePersonnummer() {
        int index = PERSON.incrementAndGet();
        LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(index / 20);
        String nine = "%02d%02d%02d%03d".formatted(birth.getYear() % 100, birth.getMonthValue(), birth.getDayOfMonth(),
                980 + index % 20);
        String tenDigits = nine + Personnummer.luhnCheckDigit(nine);
        return new Personnummer(birth.getYear() / 100 + tenDigits);
    }

    /** A Swedish mobile number from the 070-17xx xx xx range, unique within the run. */
    public static PhoneNumber uniqueMobile() {
        return new PhoneNumber("+4670" + "%07d".formatted(1_700_000 + MOBILE.incrementAndGet() % 1_000_000));
    }

    /** A person who can log in with SMS. */
    public record SmsUser(Person person, PhoneNumber mobile, String masterPassword) {

        public String personnummer() {
            return person.personnummer().value();
        }
    }
}
