package se.susam.inloggning.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PhoneNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"070-174 06 05", "0701740605", "+46 70 174 06 05", "+46701740605", "0046701740605"})
    void parseMobileWhenSwedishMobileInAnyCommonFormThenE164(String input) {
        assertThat(PhoneNumber.parseMobile(input).e164()).isEqualTo("+46701740605");
    }

    @ParameterizedTest
    @ValueSource(strings = {"08-123 456 78", "abc", "", "070-12", "+4670174060512345"})
    void parseMobileWhenNotAMobileNumberThenRejected(String input) {
        assertThatThrownBy(() -> PhoneNumber.parseMobile(input)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringWhenLoggedThenOnlyCountryCodeAndLastTwoDigits() {
        PhoneNumber number = new PhoneNumber("+46701740605");
        assertThat(number.toString()).startsWith("+46").endsWith("05").doesNotContain("1740");
    }
}
