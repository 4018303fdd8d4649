package se.susam.inloggning.sms.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import se.susam.inloggning.sms.SmsDeliveryStatus;
import se.susam.inloggning.sms.operator.DeliveryReport;

class HttpDeliveryCallbackTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T08:15:00Z"), ZoneOffset.UTC);
    private static final String SECRET = "cb-secret-0123456789abcdefghijklmnopqr";

    @Test
    void secretMatchesOnlyTheExactSecret() {
        assertThat(HttpDeliveryCallback.secretMatches(SECRET, SECRET)).isTrue();
        assertThat(HttpDeliveryCallback.secretMatches(SECRET, SECRET + "x")).isFalse();
        assertThat(HttpDeliveryCallback.secretMatches(SECRET, SECRET.substring(1))).isFalse();
        assertThat(HttpDeliveryCallback.secretMatches(SECRET, "")).isFalse();
        assertThat(HttpDeliveryCallback.secretMatches(SECRET, null)).isFalse();
    }

    @Test
    void reportWhenDeliveredThenDeliveredAtTheOperatorsUtcTime() {
        DeliveryReport report = HttpDeliveryCallback.report("s17", "delivered", "2026-03-02T08:14:07.123000", CLOCK);

        assertThat(report.operatorMessageId()).isEqualTo("s17");
        assertThat(report.status()).isEqualTo(SmsDeliveryStatus.DELIVERED);
        assertThat(report.at()).isEqualTo(Instant.parse("2026-03-02T08:14:07.123Z"));
    }

    @Test
    void reportWhenFailedOrSentThenFailedOrStillSubmitted() {
        assertThat(HttpDeliveryCallback.report("s17", "failed", null, CLOCK).status()).isEqualTo(SmsDeliveryStatus.FAILED);
        assertThat(HttpDeliveryCallback.report("s17", "sent", null, CLOCK).status()).isEqualTo(SmsDeliveryStatus.SUBMITTED);
        assertThat(HttpDeliveryCallback.report("s17", "sent", null, CLOCK).at()).isEqualTo(CLOCK.instant());
    }

    @Test
    void reportWhenStatusOrIdIsUnknownThenRefused() {
        assertThatThrownBy(() -> HttpDeliveryCallback.report("s17", "lost", null, CLOCK))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpDeliveryCallback.report(" ", "delivered", null, CLOCK))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
