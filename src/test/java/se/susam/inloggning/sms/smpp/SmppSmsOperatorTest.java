package se.susam.inloggning.sms.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.susam.inloggning.identity.PhoneNumber;
import se.susam.inloggning.sms.SmsDeliveryStatus;
import se.susam.inloggning.sms.SmsMessage;
import se.susam.inloggning.sms.SmsProperties;
import se.susam.inloggning.sms.SmsSendException;
import se.susam.inloggning.sms.operator.DeliveryReport;

/** The SMPP client against an SMSC built on jsmpp's server classes, over a real local socket. */
class SmppSmsOperatorTest {

    private static final PhoneNumber MOBILE = new PhoneNumber("+46701740605");
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final BlockingQueue<DeliveryReport> reports = new LinkedBlockingQueue<>();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private InProcessSmsc smsc;

    @BeforeEach
    void startSmsc() throws Exception {
        smsc = closeLater(InProcessSmsc.start("sus", "s3cret"));
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : toClose.reversed()) {
            closeable.close();
        }
    }

    @Test
    void submitWhenFlashThenSmscReceivesClass0Gsm7WithReceiptRequested() throws Exception {
        SmppSmsOperator operator = started(account(smsc.port(), "s3cret"));

        String messageId = operator.submit(new SmsMessage(MOBILE, "Kod: ÅÄÖ", true));

        InProcessSmsc.Submitted received = smsc.nextSubmitted(WAIT);
        assertThat(received.messageId()).isEqualTo(messageId);
        assertThat(received.dataCoding()).isEqualTo((byte) 0x10);
        assertThat(received.shortMessage()).containsExactly('K', 'o', 'd', ':', ' ', 0x0E, 0x5B, 0x5C);
        assertThat(received.registeredDelivery()).isEqualTo((byte) 0x01);
        assertThat(received.destination()).isEqualTo("46701740605");
        assertThat(received.destTon()).isEqualTo((byte) 0x01);
        assertThat(received.source()).isEqualTo("SUS");
        assertThat(received.sourceTon()).isEqualTo((byte) 0x05);
    }

    @Test
    void submitWhenNotFlashThenDataCodingCarriesNoMessageClass() throws Exception {
        SmppSmsOperator operator = started(account(smsc.port(), "s3cret"));

        operator.submit(new SmsMessage(MOBILE, "Your OTP: 123456", false));

        assertThat(smsc.nextSubmitted(WAIT).dataCoding()).isEqualTo((byte) 0x00);
    }

    @Test
    void submitWhenTextIsOutsideTheGsmAlphabetThenUcs2Class0() throws Exception {
        SmppSmsOperator operator = started(account(smsc.port(), "s3cret"));

        operator.submit(new SmsMessage(MOBILE, "Пароль: Kaxe4Rpt", true));

        InProcessSmsc.Submitted received = smsc.nextSubmitted(WAIT);
        assertThat(received.dataCoding()).isEqualTo((byte) 0x18);
        assertThat(new String(received.shortMessage(), StandardCharsets.UTF_16BE)).isEqualTo("Пароль: Kaxe4Rpt");
    }

    @Test
    void submitWhenTextDoesNotFitOneSegmentThenRefusedBeforeTheSmscSeesIt() {
        SmppSmsOperator operator = started(account(smsc.port(), "s3cret"));

        assertThatThrownBy(() -> operator.submit(new SmsMessage(MOBILE, "x".repeat(161), false)))
                .isInstanceOf(SmsSendException.class).hasMessageContaining("161 of 160");
        assertThat(smsc.receivedNothing()).isTrue();
    }

    @Test
    void deliveryReceiptWhenDeliveredThenReportedForTheSubmittedMessage() throws Exception {
        SmppSmsOperator operator = started(account(smsc.port(), "s3cret"));

        String messageId = operator.submit(new SmsMessage(MOBILE, "Your OTP: 123456", false));

        DeliveryReport report = reports.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(report).isNotNull();
        assertThat(report.operatorMessageId()).isEqualTo(messageId);
        assertThat(report.status()).isEqualTo(SmsDeliveryStatus.DELIVERED);
        assertThat(report.detail()).isEqualTo("stat:DELIVRD err:000");
    }

    @Test
    void deliveryReceiptWhenUndeliverableWithTlvsThenReportedAsFailed() throws Exception {
        smsc.receipts(DeliveryReceiptState.UNDELIV, true);
        SmppSmsOperator operator = started(account(smsc.port(), "s3cret"));

        String messageId = operator.submit(new SmsMessage(MOBILE, "Your OTP: 123456", false));

        DeliveryReport report = reports.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(report).isNotNull();
        assertThat(report.operatorMessageId()).isEqualTo(messageId);
        assertThat(report.status()).isEqualTo(SmsDeliveryStatus.FAILED);
    }

    @Test
    void submitWhenBoundAsTransmitterThenNoReceiptRequested() throws Exception {
        SmsProperties.Smpp transmitter = new SmsProperties.Smpp("127.0.0.1", smsc.port(), "sus", "s3cret", "",
                SmsProperties.Smpp.BindType.TRANSMITTER, Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofMillis(100), Duration.ofSeconds(1));
        SmppSmsOperator operator = started(transmitter);

        operator.submit(new SmsMessage(MOBILE, "Your OTP: 123456", false));

        assertThat(smsc.nextSubmitted(WAIT).registeredDelivery()).isEqualTo((byte) 0x00);
    }

    @Test
    void submitWhenConnectionDropsMidSendThenFailsAndTheNextSendBindsAgain() throws Exception {
        SmppSmsOperator operator = started(account(smsc.port(), "s3cret"));
        operator.submit(new SmsMessage(MOBILE, "first", false));
        smsc.nextSubmitted(WAIT);
        smsc.onNextSubmit(InProcessSmsc.Next.DROP_CONNECTION);

        assertThatThrownBy(() -> operator.submit(new SmsMessage(MOBILE, "second", false)))
                .isInstanceOf(SmsSendException.class);

        String messageId = operator.submit(new SmsMessage(MOBILE, "third", false));
        assertThat(smsc.nextSubmitted(WAIT).messageId()).isEqualTo(messageId);
        assertThat(smsc.binds()).isEqualTo(2);
    }

    @Test
    void connectionLossWhileIdleThenBindsAgainWithoutWaitingForASend() throws Exception {
        started(account(smsc.port(), "s3cret"));
        await().atMost(WAIT).until(() -> smsc.binds() == 1);

        smsc.dropConnections();

        await().atMost(WAIT).until(() -> smsc.binds() == 2);
    }

    @Test
    void startWhenSmscIsDownThenKeepsTryingAndBindsOnceItListens() throws Exception {
        int port = smsc.port();
        smsc.close();
        started(account(port, "s3cret"));
        Thread.sleep(700);

        InProcessSmsc restarted = closeLater(InProcessSmsc.start(port, "sus", "s3cret"));

        await().atMost(WAIT).until(() -> restarted.binds() == 1);
    }

    @Test
    void submitWhenBindIsRefusedThenFailsNamingTheSmscButNotThePassword() {
        SmppSmsOperator operator = started(account(smsc.port(), "wrong-pw"));

        assertThatThrownBy(() -> operator.submit(new SmsMessage(MOBILE, "Your OTP: 123456", false)))
                .isInstanceOf(SmsSendException.class)
                .hasMessageContaining("no bound session to 127.0.0.1:" + smsc.port())
                .hasMessageNotContaining("wrong-pw");
        assertThat(smsc.receivedNothing()).isTrue();
    }

    @Test
    void submitWhenSmscNeverAnswersThenFailsAfterTheResponseTimeout() {
        SmppSmsOperator operator = started(account(smsc.port(), "s3cret"));
        smsc.onNextSubmit(InProcessSmsc.Next.NEVER_ANSWER);
        long start = System.nanoTime();

        assertThatThrownBy(() -> operator.submit(new SmsMessage(MOBILE, "Your OTP: 123456", false)))
                .isInstanceOf(SmsSendException.class).hasMessageContaining("no submit_sm_resp");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void submitWhenSmscRefusesThenFailureCarriesTheCommandStatus() {
        SmppSmsOperator operator = started(account(smsc.port(), "s3cret"));
        smsc.onNextSubmit(InProcessSmsc.Next.REFUSE_THROTTLED);

        assertThatThrownBy(() -> operator.submit(new SmsMessage(MOBILE, "Your OTP: 123456", false)))
                .isInstanceOf(SmsSendException.class).hasMessageContaining("command_status 0x00000058");
    }

    @Test
    void idleConnectionWhenEnquireLinkIntervalPassesThenEnquireLinkIsSent() {
        SmsProperties.Smpp quickKeepAlive = new SmsProperties.Smpp("127.0.0.1", smsc.port(), "sus", "s3cret", "",
                SmsProperties.Smpp.BindType.TRANSCEIVER, Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofSeconds(2), Duration.ofMillis(200), Duration.ofMillis(100), Duration.ofSeconds(1));
        started(quickKeepAlive);

        await().atMost(WAIT).until(() -> smsc.enquireLinks() >= 2);
    }

    private SmppSmsOperator started(SmsProperties.Smpp account) {
        SmppSmsOperator operator = closeLater(new SmppSmsOperator(account, "SUS", reports::add, Clock.systemUTC()));
        operator.start();
        return operator;
    }

    private static SmsProperties.Smpp account(int port, String password) {
        return new SmsProperties.Smpp("127.0.0.1", port, "sus", password, "", SmsProperties.Smpp.BindType.TRANSCEIVER,
                Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(30),
                Duration.ofMillis(100), Duration.ofSeconds(1));
    }

    private <T extends AutoCloseable> T closeLater(T closeable) {
        toClose.add(closeable);
        return closeable;
    }
}
