package se.susam.inloggning.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.susam.inloggning.access.Person;
import se.susam.inloggning.identity.Personnummer;
import se.susam.inloggning.testsupport.DatabaseTest;
import se.susam.inloggning.testsupport.TestRegistry;

@DatabaseTest
class CredentialsStoreTest {

    @Autowired
    TestRegistry registry;

    @Autowired
    MasterPasswords masterPasswords;

    @Autowired
    LoginThrottle throttle;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    private String storedHash(Person person) {
        return jdbc.sql("SELECT phc_hash FROM master_password WHERE person_id = :p").param("p", person.id())
                .query(String.class).single();
    }

    @Test
    void setWhenCalledThenOnlyAnArgon2idHashIsStored() {
        Person person = registry.person("Hash", "Test");
        masterPasswords.set(person.id(), "Kaxe4Rpt");
        assertThat(storedHash(person)).startsWith("$argon2id$v=19$m=7168,t=5,p=1$").doesNotContain("Kaxe4Rpt");
    }

    @Test
    void setWhenReplacedThenOldPasswordStopsWorking() {
        Person person = registry.person("Byte", "Test");
        masterPasswords.set(person.id(), "Kaxe4Rpt");
        masterPasswords.set(person.id(), "Mj7tLnq3");
        assertThat(masterPasswords.verify(Optional.of(person.id()), "Kaxe4Rpt")).isFalse();
        assertThat(masterPasswords.verify(Optional.of(person.id()), "Mj7tLnq3")).isTrue();
    }

    @Test
    void verifyWhenHashHasOlderParametersThenUpgradedAtLogin() {
        Person person = registry.person("Gammal", "Hash");
        masterPasswords.setHash(person.id(), new Argon2idHasher(new Argon2Parameters(4096, 3, 1)).hash("Pw8rVhc6"));
        assertThat(masterPasswords.verify(Optional.of(person.id()), "Pw8rVhc6")).isTrue();
        assertThat(storedHash(person)).startsWith("$argon2id$v=19$m=7168,t=5,p=1$");
        assertThat(masterPasswords.verify(Optional.of(person.id()), "Pw8rVhc6")).isTrue();
    }

    @Test
    void verifyWhenWrongPasswordThenOldHashKept() {
        Person person = registry.person("Gammal", "Fel");
        String old = new Argon2idHasher(new Argon2Parameters(4096, 3, 1)).hash("Pw8rVhc6");
        masterPasswords.setHash(person.id(), old);
        assertThat(masterPasswords.verify(Optional.of(person.id()), "Pw8rVhc7")).isFalse();
        assertThat(storedHash(person)).isEqualTo(old);
    }

    @Test
    void verifyWhenHashedThenCountedWithTheHashingThreadsCpu() {
        double hashesBefore = meters.get("sus.credentials.hashes").counter().count();
        double cpuBefore = meters.get("sus.credentials.hashing.cpu").counter().count();
        assertThat(masterPasswords.verify(Optional.empty(), "Kaxe4Rpt")).isFalse();
        assertThat(masterPasswords.verify(Optional.empty(), "Kaxe4Rpt")).isFalse();
        // Counters are shared by the test context's other tests; these two computations are at least counted.
        assertThat(meters.get("sus.credentials.hashes").counter().count()).isGreaterThanOrEqualTo(hashesBefore + 2);
        assertThat(meters.get("sus.credentials.hashing.cpu").counter().count())
                .as("an m=7 MiB, t=5 hash takes milliseconds of CPU").isGreaterThan(cpuBefore + 0.001);
    }

    @Test
    void verifyWhenNoPersonOrNoPasswordThenFalse() {
        Person person = registry.person("Utan", "Lösenord");
        assertThat(masterPasswords.verify(Optional.empty(), "Kaxe4Rpt")).isFalse();
        assertThat(masterPasswords.verify(Optional.of(person.id()), "Kaxe4Rpt")).isFalse();
    }

    @Test
    void recordFailureWhenManyArriveAtOnceThenEveryOneIsCounted() throws Exception {
        Personnummer personnummer = TestRegistry.uniquePersonnummer();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            java.util.List<Future<LoginThrottle.State>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> throttle.recordFailure(personnummer)));
            }
            for (Future<LoginThrottle.State> result : results) {
                result.get();
            }
        } finally {
            pool.shutdown();
        }
        int failures = jdbc.sql("SELECT failures FROM login_throttle WHERE personnummer = :p")
                .param("p", personnummer.value()).query(Integer.class).single();
        assertThat(failures).isEqualTo(16);
    }

    @Test
    void waitAfterWhenFailuresGrowThenDoublesUpToTheMaximum() {
        assertThat(throttle.waitAfter(5)).hasMinutes(1);
        assertThat(throttle.waitAfter(6)).hasMinutes(2);
        assertThat(throttle.waitAfter(10)).hasMinutes(32);
        assertThat(throttle.waitAfter(11)).hasMinutes(60);
        assertThat(throttle.waitAfter(19)).hasMinutes(60);
    }
}
