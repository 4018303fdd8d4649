package se.susam.inloggning.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class MasterPasswordGeneratorTest {

    /** GSM 03.38 default alphabet letters and digits (one SMS segment, no UCS-2 needed). */
    private static final String GSM_SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final MasterPasswordGenerator generator = new MasterPasswordGenerator();

    @Test
    void generateWhenCalledThenEightGsmSafeCharactersWithoutLookAlikes() {
        for (int i = 0; i < 1000; i++) {
            String password = generator.generate();
            assertThat(password).hasSize(8);
            for (char c : password.toCharArray()) {
                assertThat(GSM_SAFE.indexOf(c)).as("GSM-safe: " + c).isNotNegative();
                assertThat("0O1lIS5Z2z").as("readable over the phone").doesNotContain(String.valueOf(c));
            }
        }
    }

    @Test
    void generateWhenCalledRepeatedlyThenDifferentPasswords() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            seen.add(generator.generate());
        }
        assertThat(seen).hasSize(1000);
    }
}
