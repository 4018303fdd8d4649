package se.susam.inloggning.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.susam.inloggning.access.AccessRegistry;
import se.susam.inloggning.access.AccessStatus;
import se.susam.inloggning.access.Organisation;
import se.susam.inloggning.access.OrganisationKind;
import se.susam.inloggning.access.Person;
import se.susam.inloggning.access.Role;
import se.susam.inloggning.credentials.MasterPasswords;

/**
 * Seeds the SMS login load benchmark ({@code bench/sms-login.sh}): {@code sus.bench.users} persons
 * with valid access ordered with SMS login. The master password is hashed once, with this run's
 * {@code sus.credentials.argon2.*}, and that hash is stored for every person, so seeding takes one
 * Argon2id computation however many persons there are and every login verifies with this run's
 * parameters. Persons left from an earlier run on the same database are kept and get the new hash.
 */
@Component
@Profile("bench")
@EnableConfigurationProperties(BenchProperties.class)
class BenchData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BenchData.class);
    static final String ORGANISATION_NUMBER = "222000-0013";

    private final AccessRegistry registry;
    private final MasterPasswords masterPasswords;
    private final BenchProperties properties;
    private final Clock clock;

    BenchData(AccessRegistry registry, MasterPasswords masterPasswords, BenchProperties properties, Clock clock) {
        this.registry = registry;
        this.masterPasswords = masterPasswords;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        LocalDate today = LocalDate.now(clock);
        Organisation organisation = registry.findOrganisation(ORGANISATION_NUMBER).orElseGet(() ->
                registry.addOrganisation(ORGANISATION_NUMBER, "Samordningsförbundet Lasttest",
                        OrganisationKind.SAMORDNINGSFORBUND));
        String hash = masterPasswords.hash(BenchPopulation.MASTER_PASSWORD);
        int added = 0;
        for (int i = 0; i < properties.users(); i++) {
            BenchPopulation.BenchUser user = BenchPopulation.user(i);
            Optional<Person> existing = registry.findPerson(user.personnummer());
            Person person = existing.orElseGet(() -> registry.addPerson(user.personnummer(), "Lasttest",
                    "Person " + user.index(), "lasttest@example.se"));
            if (existing.isEmpty()) {
                registry.addGrant(person.id(), organisation, Set.of(Role.INSATSANSVARIG), today.minusDays(1),
                        today.plusYears(1), AccessStatus.ACTIVE, Optional.of(user.mobile()));
                added++;
            }
            masterPasswords.setHash(person.id(), hash);
        }
        log.info("Benchmark registry ready: {} persons with SMS login ({} new)", properties.users(), added);
    }
}
