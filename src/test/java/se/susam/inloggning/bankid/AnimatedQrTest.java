package se.susam.inloggning.bankid;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The animated QR code against BankID's published example (RP API v6.0, "QR codes"). */
class AnimatedQrTest {

    private static final String TOKEN = "67df3917-fa0d-44e5-b327-edcc928297f8";
    private static final String SECRET = "d28db9a7-4cde-429e-a983-359be676944c";

    @Test
    void qrDataWhenZeroSecondsThenBankIdsPublishedCode() {
        assertThat(AnimatedQr.qrData(TOKEN, SECRET, 0)).isEqualTo("bankid.67df3917-fa0d-44e5-b327-edcc928297f8.0."
                + "dc69358e712458a66a7525beef148ae8526b1c71610eff2c16cdffb4cdac9bf8");
    }

    @Test
    void qrDataWhenOneSecondThenBankIdsPublishedCode() {
        assertThat(AnimatedQr.qrData(TOKEN, SECRET, 1)).isEqualTo("bankid.67df3917-fa0d-44e5-b327-edcc928297f8.1."
                + "949d559bf23403952a94d103e67743126381eda00f0b3cbddbf7c96b1adcbce2");
    }

    @Test
    void scannedWhenMadeWithTheSecretThenVerified() {
        AnimatedQr.Scanned scanned = AnimatedQr.Scanned.parse(AnimatedQr.qrData(TOKEN, SECRET, 17)).orElseThrow();

        assertThat(scanned.qrStartToken()).isEqualTo(TOKEN);
        assertThat(scanned.seconds()).isEqualTo(17);
        assertThat(scanned.isSignedWith(SECRET)).isTrue();
        assertThat(scanned.isSignedWith("another-secret")).isFalse();
    }

    @Test
    void scannedWhenSecondsAreAlteredThenNotVerified() {
        String code = AnimatedQr.qrData(TOKEN, SECRET, 5).replace("." + 5 + ".", ".6.");

        assertThat(AnimatedQr.Scanned.parse(code).orElseThrow().isSignedWith(SECRET)).isFalse();
    }

    @Test
    void scannedWhenNotOfBankIdsFormThenEmpty() {
        assertThat(AnimatedQr.Scanned.parse("https://example.com")).isEmpty();
        assertThat(AnimatedQr.Scanned.parse("bankid." + TOKEN + ".x.abc")).isEmpty();
        assertThat(AnimatedQr.Scanned.parse(null)).isEmpty();
    }
}
