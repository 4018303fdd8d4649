package se.susam.inloggning.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import se.susam.inloggning.access.Person;
import se.susam.inloggning.testsupport.DatabaseTest;
import se.susam.inloggning.testsupport.TestRegistry;

/** Master passwords are hashed on their own threads; callers see the same answers as before. */
@DatabaseTest
class MasterPasswordsHashingTest {

    @Autowired
    TestRegistry registry;

    @Autowired
    MasterPasswords masterPasswords;

    @Test
    void verifyWhenManyVirtualThreadsAskAtOnceThenEachGetsTheAnswerForItsOwnPassword() throws Exception {
        Person person = registry.person("Många", "Samtidigt");
        masterPasswords.set(person.id(), "Kaxe4Rpt");
        List<Future<Boolean>> answers = new ArrayList<>();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 8; i++) {
                String candidate = i % 2 == 0 ? "Kaxe4Rpt" : "Kaxe4Rpu";
                answers.add(callers.submit(() -> masterPasswords.verify(Optional.of(person.id()), candidate)));
            }
            for (int i = 0; i < answers.size(); i++) {
                assertThat(answers.get(i).get()).isEqualTo(i % 2 == 0);
            }
        }
    }

    @Test
    void verifyWhenStoredHashIsNotAnArgon2idPhcStringThenTheHashersRefusalReachesTheCaller() {
        Person person = registry.person("Trasig", "Hash");
        masterPasswords.setHash(person.id(), "$2a$10$not-an-argon2id-hash");

        assertThatThrownBy(() -> masterPasswords.verify(Optional.of(person.id()), "Kaxe4Rpt"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Argon2id");
    }
}
