package se.susam.inloggning.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import se.susam.inloggning.errors.ErrorCode;
import se.susam.inloggning.errors.SusException;

class PersonnummerTest {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneId.of("Europe/Stockholm"));

    @ParameterizedTest
    @CsvSource({
            "191212121212, 191212121212",
            "19121212-1212, 191212121212",
            "' 1912 1212 1212 ', 191212121212",
            "198001149825, 198001149825",
            "800114-9825, 198001149825",
            "8001149825, 198001149825",
            "121212+1212, 191212121212",
            "201212121212, 201212121212"
    })
    void parseWhenValidFormThenTwelveDigits(String input, String expected) {
        assertThat(Personnummer.parse(input, TODAY).value()).isEqualTo(expected);
    }

    @Test
    void parseWhenTenDigitsWithHyphenThenCenturyKeepsAgeUnderHundred() {
        assertThat(Personnummer.parse("121212-1212", TODAY).value()).isEqualTo("201212121212");
        assertThat(Personnummer.parse("121212+1212", TODAY).value()).isEqualTo("191212121212");
    }

    @Test
    void parseWhenSamordningsnummerThenAcceptedWithDayPlusSixty() {
        String nine = "8001749" + "82";
        String samordningsnummer = "19" + nine + Personnummer.luhnCheckDigit(nine);
        Personnummer parsed = Personnummer.parse(samordningsnummer, TODAY);
        assertThat(parsed.isSamordningsnummer()).isTrue();
        assertThat(parsed.birthDate()).isEqualTo(LocalDate.of(1980, 1, 14));
    }

    @ParameterizedTest
    @CsvSource({
            "'', PNR-001",
            "'   ', PNR-001",
            "19121212121, PNR-002",
            "1912121212123, PNR-002",
            "1912121a1212, PNR-002",
            "19121212--1212, PNR-002",
            "191213321212, PNR-003",
            "191202301212, PNR-003",
            "191212121213, PNR-004",
            "191212121221, PNR-004",
            "209912121212, PNR-005"
    })
    void parseWhenInvalidThenSpecificCode(String input, String code) {
        assertThatThrownBy(() -> Personnummer.parse(input, TODAY))
                .isInstanceOf(SusException.class)
                .extracting(e -> ((SusException) e).errorCode().code())
                .isEqualTo(code);
    }

    @Test
    void parseWhenNullThenEmptyCode() {
        assertThatThrownBy(() -> Personnummer.parse(null, TODAY))
                .extracting(e -> ((SusException) e).errorCode()).isEqualTo(ErrorCode.PNR_EMPTY);
    }

    @Test
    void parseWhenLeapDayThenValidOnlyInLeapYears() {
        String leap = "000229" + "980";
        String valid = "20" + leap.substring(0, 9) + Personnummer.luhnCheckDigit(leap.substring(0, 9));
        assertThat(Personnummer.parse(valid, TODAY).birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
        String nonLeap = "010229980";
        assertThatThrownBy(() -> Personnummer.parse("20" + nonLeap + Personnummer.luhnCheckDigit(nonLeap), TODAY))
                .extracting(e -> ((SusException) e).errorCode()).isEqualTo(ErrorCode.PNR_DATE);
    }

    @ValueSource(strings = {"191212121212"})
    @ParameterizedTest
    void toStringWhenLoggedThenLastFourDigitsMasked(String value) {
        Personnummer personnummer = new Personnummer(value);
        assertThat(personnummer.toString()).isEqualTo("19121212-XXXX").doesNotContain("1212121212");
        assertThat(personnummer.formatted()).isEqualTo("19121212-1212");
    }
}
