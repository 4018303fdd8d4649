package se.susam.inloggning.bankidlogin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import se.susam.inloggning.bankid.AnimatedQr;

class QrSvgTest {

    private static final String TOKEN = "67df3917-fa0d-44e5-b327-edcc928297f8";
    private static final String SECRET = "d28db9a7-4cde-429e-a983-359be676944c";

    @Test
    void drawWhenNoMaskIsGivenThenChoosesOneAndTheCodeReadsBack() {
        String data = AnimatedQr.qrData(TOKEN, SECRET, 0);

        QrSvg.Drawn drawn = QrSvg.draw(data, -1);

        assertThat(drawn.maskPattern()).isBetween(0, 7);
        assertThat(QrScanner.scan(drawn.svg())).isEqualTo(data);
    }

    @Test
    void drawWhenTheOrdersMaskIsGivenThenEveryLaterSecondReadsBackWithIt() {
        int mask = QrSvg.draw(AnimatedQr.qrData(TOKEN, SECRET, 0), -1).maskPattern();
        for (int second = 1; second <= 30; second++) {
            String data = AnimatedQr.qrData(TOKEN, SECRET, second);

            QrSvg.Drawn drawn = QrSvg.draw(data, mask);

            assertThat(drawn.maskPattern()).isEqualTo(mask);
            assertThat(QrScanner.scan(drawn.svg())).isEqualTo(data);
        }
    }

    @Test
    void drawWhenAnyOfTheEightMasksThenTheCodeReadsBack() {
        String data = AnimatedQr.qrData(TOKEN, SECRET, 7);
        for (int mask = 0; mask < 8; mask++) {
            assertThat(QrScanner.scan(QrSvg.draw(data, mask).svg())).as("mask " + mask).isEqualTo(data);
        }
    }
}
