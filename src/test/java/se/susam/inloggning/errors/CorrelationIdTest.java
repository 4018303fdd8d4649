package se.susam.inloggning.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CorrelationIdTest {

    @Test
    void newIdWhenMadeThenTenCharactersEasyToReadOutAndDifferentEachTime() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = CorrelationId.newId();
            assertThat(id).matches("[A-HJ-NP-Z2-9]{10}");
            ids.add(id);
        }
        assertThat(ids).hasSize(10_000);
    }
}
