package se.susam.inloggning.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import se.susam.inloggning.identity.Personnummer;

class BenchPopulationTest {

    @Test
    void userWhenAnyIndexThenValidPersonnummerAndMobileThatNoOtherIndexHas() {
        Set<String> personnummer = new HashSet<>();
        Set<String> mobiles = new HashSet<>();
        for (int i = 0; i < BenchPopulation.MAX_USERS; i++) {
            BenchPopulation.BenchUser user = BenchPopulation.user(i);
            assertThat(Personnummer.parse(user.personnummer().value())).isEqualTo(user.personnummer());
            personnummer.add(user.personnummer().value());
            mobiles.add(user.mobile().e164());
        }
        assertThat(personnummer).hasSize(BenchPopulation.MAX_USERS);
        assertThat(mobiles).hasSize(BenchPopulation.MAX_USERS);
    }

    @Test
    void userWhenBornThenBefore1940SoNeverOneOfTheTestsPersons() {
        assertThat(BenchPopulation.user(BenchPopulation.MAX_USERS - 1).personnummer().birthDate().getYear())
                .isLessThan(1940);
    }

    @Test
    void userWhenIndexOutsideThePopulationThenRefused() {
        assertThatThrownBy(() -> BenchPopulation.user(BenchPopulation.MAX_USERS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchPopulation.user(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
