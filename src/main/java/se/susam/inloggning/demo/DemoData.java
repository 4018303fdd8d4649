package se.susam.inloggning.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.susam.inloggning.access.AccessRegistry;
import se.susam.inloggning.access.AccessStatus;
import se.susam.inloggning.access.Organisation;
import se.susam.inloggning.access.OrganisationKind;
import se.susam.inloggning.access.Person;
import se.susam.inloggning.access.Role;
import se.susam.inloggning.access.StaffRole;
import se.susam.inloggning.credentials.MasterPasswords;
import se.susam.inloggning.identity.Personnummer;
import se.susam.inloggning.identity.PhoneNumber;

/**
 * Loads the demo registry once (it is kept in the data folder between runs). Personnummer use
 * birth numbers 980–999 as Skatteverket's test personnummer do; mobile numbers are from PTS's
 * range reserved for fiction (070-174 06 05 – 070-174 06 99).
 */
@Component
@Profile("demo")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /** A demo person as the README lists them. */
    record DemoPerson(String personnummer, String givenName, String familyName, String masterPassword) {
    }

    static final DemoPerson ANNA = new DemoPerson("198001149825", "Anna", "Lindqvist", "Kaxe4Rpt");
    static final DemoPerson BERTIL = new DemoPerson("197506239818", "Bertil", "Nyström", "Mj7tLnq3");
    static final DemoPerson CECILIA = new DemoPerson("196803059879", "Cecilia", "Ek", null);
    static final DemoPerson DAVID = new DemoPerson("199011229839", "David", "Holm", "Pw8rVhc6");
    static final DemoPerson EVA = new DemoPerson("198509179845", "Eva", "Sjöberg", "Tg3kYbn9");
    static final DemoPerson FREDRIK = new DemoPerson("197212309897", "Fredrik", "Ahl", null);
    static final DemoPerson GUNNAR = new DemoPerson("198209259814", "Gunnar", "Lund", null);
    /** Beställare at Kungälvs kommun (orders access on blankett 9445); no access to SUS itself. */
    static final DemoPerson MARIA = new DemoPerson("197904219826", "Maria", "Berg", null);
    /** Behörighetsadministratör at Försäkringskassan (approves orders, withdraws access). */
    static final DemoPerson JOHAN = new DemoPerson("197110079915", "Johan", "Ström", null);

    private final AccessRegistry registry;
    private final MasterPasswords masterPasswords;
    private final Clock clock;

    DemoData(AccessRegistry registry, MasterPasswords masterPasswords, Clock clock) {
        this.registry = registry;
        this.masterPasswords = masterPasswords;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (registry.findPerson(new Personnummer(ANNA.personnummer())).isEmpty()) {
            loadRegistry();
        }
        if (registry.findPerson(new Personnummer(MARIA.personnummer())).isEmpty()) {
            loadOrderStaff();
        }
    }

    private void loadRegistry() {
        LocalDate today = LocalDate.now(clock);
        Organisation forbund = registry.addOrganisation("222000-1925", "Samordningsförbundet Göteborg Nordost",
                OrganisationKind.SAMORDNINGSFORBUND);
        Organisation fk = registry.addOrganisation("202100-5521", "Försäkringskassan",
                OrganisationKind.FORSAKRINGSKASSAN);
        Organisation af = registry.addOrganisation("202100-2114", "Arbetsförmedlingen",
                OrganisationKind.ARBETSFORMEDLINGEN);
        Organisation kungalv = registry.addOrganisation("212000-1439", "Kungälvs kommun", OrganisationKind.KOMMUN);
        Organisation goteborg = registry.addOrganisation("212000-1355", "Göteborgs Stad", OrganisationKind.KOMMUN);

        Person anna = add(ANNA);
        registry.addGrant(anna.id(), forbund, Set.of(Role.SAMVERKANSADMINISTRATOR, Role.INSATSANSVARIG),
                today.minusYears(1), today.plusYears(1), AccessStatus.ACTIVE, mobile("+46701740605"));

        Person bertil = add(BERTIL);
        registry.addGrant(bertil.id(), kungalv, Set.of(Role.DELTAGARANSVARIG), today.minusMonths(6),
                today.plusMonths(18), AccessStatus.ACTIVE, mobile("+46701740606"));
        registry.addGrant(bertil.id(), forbund, Set.of(Role.INSATSANSVARIG), today.minusMonths(6),
                today.plusMonths(18), AccessStatus.ACTIVE, mobile("+46701740606"));

        Person cecilia = add(CECILIA);
        registry.addGrant(cecilia.id(), fk, Set.of(Role.INSATSANSVARIG), today.minusYears(2), today.plusYears(2),
                AccessStatus.ACTIVE, Optional.empty());
        registry.addStaffRole(cecilia.id(), StaffRole.KUNDCENTER, Optional.empty());

        Person david = add(DAVID);
        registry.addGrant(david.id(), af, Set.of(Role.DELTAGARANSVARIG), today.minusYears(2), today.minusMonths(1),
                AccessStatus.ACTIVE, mobile("+46701740607"));

        Person eva = add(EVA);
        registry.addGrant(eva.id(), goteborg, Set.of(Role.INSATSANSVARIG), today.minusYears(1), today.plusYears(1),
                AccessStatus.WITHDRAWN, mobile("+46701740608"));

        add(FREDRIK);

        Person gunnar = add(GUNNAR);
        registry.addGrant(gunnar.id(), af, Set.of(Role.INSATSANSVARIG), today.minusYears(1), today.plusYears(1),
                AccessStatus.ACTIVE, Optional.empty());
        log.info("Demo registry loaded: 5 organisations, 7 persons (see README, 'Demo logins')");
    }

    /** The console staff of access orders: also added to a demo database loaded before they existed. */
    private void loadOrderStaff() {
        Person maria = add(MARIA);
        registry.addStaffRole(maria.id(), StaffRole.BESTALLARE, registry.findOrganisation("212000-1439"));
        Person johan = add(JOHAN);
        registry.addStaffRole(johan.id(), StaffRole.BEHORIGHETSADMINISTRATOR, Optional.empty());
        log.info("Demo order staff loaded: Maria Berg (beställare), Johan Ström (behörighetsadministratör)");
    }

    private Person add(DemoPerson demo) {
        Person person = registry.addPerson(new Personnummer(demo.personnummer()), demo.givenName(), demo.familyName(),
                demo.givenName().toLowerCase() + "@example.se");
        if (demo.masterPassword() != null) {
            masterPasswords.set(person.id(), demo.masterPassword());
        }
        return person;
    }

    private static Optional<PhoneNumber> mobile(String e164) {
        return Optional.of(new PhoneNumber(e164));
    }
}
