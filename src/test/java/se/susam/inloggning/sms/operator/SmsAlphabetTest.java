package se.susam.inloggning.sms.operator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmsAlphabetTest {

    @Test
    void ofWhenSwedishTextThenGsm7() {
        assertThat(SmsAlphabet.of("Ditt masterlösenord är Kaxe4Rpt. Åsa, Örjan, Émile\n@sus #123")).isEqualTo(SmsAlphabet.GSM_7);
    }

    @Test
    void ofWhenCharacterOutsideTheGsmAlphabetThenUcs2() {
        assertThat(SmsAlphabet.of("Lösenord: Kaxe4Rpt 🔑")).isEqualTo(SmsAlphabet.UCS_2);
        assertThat(SmsAlphabet.of("Пароль")).isEqualTo(SmsAlphabet.UCS_2);
    }

    @Test
    void encodeWhenGsm7ThenOneOctetPerSeptetAndExtensionCharactersEscaped() {
        assertThat(SmsAlphabet.GSM_7.encode("@Åäà€[")).containsExactly(0x00, 0x0E, 0x7B, 0x7F, 0x1B, 0x65, 0x1B, 0x3C);
    }

    @Test
    void fitsOneSegmentWhenGsm7ThenUpTo160SeptetsWithExtensionCharactersCountingTwo() {
        assertThat(SmsAlphabet.fitsOneSegment("a".repeat(160))).isTrue();
        assertThat(SmsAlphabet.fitsOneSegment("a".repeat(161))).isFalse();
        assertThat(SmsAlphabet.fitsOneSegment("€".repeat(80))).isTrue();
        assertThat(SmsAlphabet.fitsOneSegment("€".repeat(80) + "a")).isFalse();
    }

    @Test
    void fitsOneSegmentWhenUcs2ThenUpTo70Characters() {
        assertThat(SmsAlphabet.fitsOneSegment("я".repeat(70))).isTrue();
        assertThat(SmsAlphabet.fitsOneSegment("я".repeat(71))).isFalse();
    }
}
