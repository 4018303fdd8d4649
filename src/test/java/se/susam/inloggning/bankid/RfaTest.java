package se.susam.inloggning.bankid;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Which recommended message each collect answer shows (BankID RP guidelines). */
class RfaTest {

    @ParameterizedTest(name = "{0} {1} autostart={2} mobile={3} -> {4}")
    @CsvSource({
            "PENDING, outstandingTransaction, true, false, RFA13",
            "PENDING, outstandingTransaction, false, false, RFA1",
            "PENDING, noClient, false, false, RFA1",
            "PENDING, started, true, false, RFA15A",
            "PENDING, started, true, true, RFA15B",
            "PENDING, userSign, false, false, RFA9",
            "PENDING, userMrtd, false, false, RFA23",
            "PENDING, userCallConfirm, false, false, RFA21",
            "PENDING, somethingNew, false, false, RFA21",
            "FAILED, expiredTransaction, false, false, RFA8",
            "FAILED, certificateErr, false, false, RFA16",
            "FAILED, userCancel, false, false, RFA6",
            "FAILED, userDeclinedCall, false, false, RFA6",
            "FAILED, cancelled, false, false, RFA3",
            "FAILED, startFailed, true, false, RFA17A",
            "FAILED, startFailed, false, false, RFA17B",
            "FAILED, transactionRiskBlocked, false, false, RFA22",
            "FAILED, somethingNew, false, false, RFA22"
    })
    void forCollectWhenStatusAndHintThenBankIdsRecommendedMessage(CollectResponse.Status status, String hint,
                                                                  boolean autoStarted, boolean mobile, Rfa expected) {
        assertThat(Rfa.forCollect(status, hint, autoStarted, mobile)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"ALREADY_IN_PROGRESS, RFA4", "INTERNAL_ERROR, RFA5", "MAINTENANCE, RFA5", "TRANSPORT, RFA5",
            "INVALID_PARAMETERS, RFA22", "UNAUTHORIZED, RFA22"})
    void forErrorWhenErrorCodeThenRecommendedMessage(RpErrorCode code, Rfa expected) {
        assertThat(Rfa.forError(code)).isEqualTo(expected);
    }

    @Test
    void textWhenEnglishThenBankIdsEnglishWords() {
        assertThat(Rfa.RFA1.text("en")).isEqualTo("Start your BankID app.");
        assertThat(Rfa.RFA1.text("sv")).isEqualTo("Starta BankID-appen.");
    }
}
