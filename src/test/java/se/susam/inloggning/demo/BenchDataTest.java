package se.susam.inloggning.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import se.susam.inloggning.access.AccessRegistry;
import se.susam.inloggning.access.Person;
import se.susam.inloggning.credentials.MasterPasswords;
import se.susam.inloggning.testsupport.BenchDatabaseTest;

@BenchDatabaseTest
class BenchDataTest {

    @Autowired
    AccessRegistry registry;

    @Autowired
    MasterPasswords masterPasswords;

    @Autowired
    BenchData benchData;

    @Test
    void benchProfileWhenStartedThenSeedsTheConfiguredNumberOfPersonsWithSmsLoginToTheirOwnMobile() {
        for (int i = 0; i < 3; i++) {
            BenchPopulation.BenchUser user = BenchPopulation.user(i);
            Person person = registry.findPerson(user.personnummer()).orElseThrow();
            assertThat(registry.smsLoginMobile(person.id())).contains(user.mobile());
            assertThat(masterPasswords.verify(Optional.of(person.id()), BenchPopulation.MASTER_PASSWORD)).isTrue();
        }
        assertThat(registry.findPerson(BenchPopulation.user(3).personnummer())).isEmpty();
    }

    @Test
    void benchDataWhenRunAgainThenKeepsThePersonsAndGivesEveryoneTheSharedMasterPasswordAgain() {
        Person person = registry.findPerson(BenchPopulation.user(1).personnummer()).orElseThrow();
        masterPasswords.set(person.id(), "Other7pw");

        benchData.run(null);

        assertThat(registry.findPerson(BenchPopulation.user(1).personnummer())).contains(person);
        assertThat(registry.grantsOf(person.id())).hasSize(1);
        assertThat(masterPasswords.verify(Optional.of(person.id()), BenchPopulation.MASTER_PASSWORD)).isTrue();
        assertThat(masterPasswords.verify(Optional.of(person.id()), "Other7pw")).isFalse();
    }
}
