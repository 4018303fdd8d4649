package se.susam.inloggning.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.susam.inloggning.identity.PhoneNumber;
import se.susam.inloggning.sms.http.HttpOperatorStub;
import se.susam.inloggning.sms.smpp.InProcessSmsc;
import se.susam.inloggning.testsupport.DatabaseTest;
import se.susam.inloggning.testsupport.TestRegistry;

/**
 * The running application with {@code sus.sms.gateway=smpp} and {@code sus.sms.fallback=http}:
 * messages go out through the in-process SMSC, or through the HTTP operator stub when the SMSC
 * fails; receipts and delivery reports end up in {@link SmsDeliveries}.
 */
@DatabaseTest
@DirtiesContext
class SmsOperatorsTest {

    private static final String SECRET = "it-secret-0123456789abcdefghijklmnopq";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final InProcessSmsc SMSC;
    private static final HttpOperatorStub OPERATOR;

    static {
        try {
            SMSC = InProcessSmsc.start("sus", "s3cret");
            OPERATOR = HttpOperatorStub.start();
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void operators(DynamicPropertyRegistry properties) {
        properties.add("sus.sms.gateway", () -> "smpp");
        properties.add("sus.sms.fallback", () -> "http");
        properties.add("sus.sms.smpp.host", () -> "127.0.0.1");
        properties.add("sus.sms.smpp.port", SMSC::port);
        properties.add("sus.sms.smpp.system-id", () -> "sus");
        properties.add("sus.sms.smpp.password", () -> "s3cret");
        properties.add("sus.sms.smpp.response-timeout", () -> "2s");
        properties.add("sus.sms.http.url", OPERATOR::url);
        properties.add("sus.sms.http.username", () -> "u-api");
        properties.add("sus.sms.http.password", () -> "p-api");
        properties.add("sus.sms.http.callback-base-url", () -> "https://sus.example.se");
        properties.add("sus.sms.http.callback-secret", () -> SECRET);
    }

    @AfterAll
    static void stopOperators() throws IOException {
        OPERATOR.close();
        SMSC.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    SmsGateway gateway;

    @Autowired
    SmsDeliveries deliveries;

    private final HttpClient http = HttpClient.newHttpClient();
    private final PhoneNumber mobile = TestRegistry.uniqueMobile();

    @BeforeEach
    void operatorsAccept() {
        SMSC.onNextSubmit(InProcessSmsc.Next.ACCEPT);
        SMSC.forgetReceived();
        OPERATOR.answer(200);
        OPERATOR.forgetReceived();
    }

    @Test
    void sendWhenSmscAcceptsThenFlashGoesOutOverSmppAndTheReceiptMarksItDelivered() throws Exception {
        gateway.send(new SmsMessage(mobile, "Ditt nya masterlösenord: Kaxe4Rpt", true));

        InProcessSmsc.Submitted submitted = SMSC.nextSubmitted(WAIT);
        assertThat(submitted.dataCoding()).isEqualTo((byte) 0x10);
        await().atMost(WAIT).untilAsserted(() -> assertThat(deliveries.recentTo(mobile, 5)).singleElement()
                .satisfies(delivery -> {
                    assertThat(delivery.gateway()).isEqualTo(SmsProperties.Gateway.SMPP);
                    assertThat(delivery.operatorMessageId()).isEqualTo(submitted.messageId());
                    assertThat(delivery.flash()).isTrue();
                    assertThat(delivery.status()).isEqualTo(SmsDeliveryStatus.DELIVERED);
                }));
        assertThat(OPERATOR.receivedNothing()).isTrue();
    }

    @Test
    void sendWhenSmscRefusesThenTheHttpFallbackSendsItAndTheDeliveryIsRecordedUnderHttp() throws Exception {
        SMSC.onNextSubmit(InProcessSmsc.Next.REFUSE_THROTTLED);

        gateway.send(new SmsMessage(mobile, "Your OTP: 123456", false));

        HttpOperatorStub.Received sent = OPERATOR.nextReceived(WAIT);
        assertThat(sent.form()).containsEntry("to", mobile.e164()).containsEntry("message", "Your OTP: 123456");
        assertThat(deliveries.recentTo(mobile, 5)).singleElement().satisfies(delivery -> {
            assertThat(delivery.gateway()).isEqualTo(SmsProperties.Gateway.HTTP);
            assertThat(delivery.operatorMessageId()).isEqualTo(OPERATOR.lastId());
            assertThat(delivery.status()).isEqualTo(SmsDeliveryStatus.SUBMITTED);
        });
    }

    @Test
    void sendWhenBothOperatorsFailThenSmsSendExceptionNamesBoth() {
        SMSC.onNextSubmit(InProcessSmsc.Next.REFUSE_THROTTLED);
        OPERATOR.answer(503);

        assertThatThrownBy(() -> gateway.send(new SmsMessage(mobile, "Your OTP: 123456", false)))
                .isInstanceOf(SmsSendException.class)
                .hasMessageContaining("SMPP: ").hasMessageContaining("HTTP: ")
                .hasMessageNotContaining("123456");
        assertThat(deliveries.recentTo(mobile, 5)).isEmpty();
    }

    @Test
    void deliveryReportWhenSecretIsRightThenRecordedWithoutSessionOrCsrfToken() throws Exception {
        String callback = sendThroughHttpAndGetCallbackPath();

        HttpResponse<String> response = postForm(callback, "id=" + OPERATOR.lastId() + "&status=delivered"
                + "&delivered=2026-03-02T08%3A14%3A07.123000");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(deliveries.recentTo(mobile, 5)).singleElement()
                .satisfies(delivery -> assertThat(delivery.status()).isEqualTo(SmsDeliveryStatus.DELIVERED));
    }

    @Test
    void deliveryReportWhenSecretIsWrongThenRefusedAndNothingChanges() throws Exception {
        sendThroughHttpAndGetCallbackPath();

        HttpResponse<String> response = postForm("/sms/delivery/" + SECRET.replace('0', '1'),
                "id=" + OPERATOR.lastId() + "&status=failed");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(deliveries.recentTo(mobile, 5)).singleElement()
                .satisfies(delivery -> assertThat(delivery.status()).isEqualTo(SmsDeliveryStatus.SUBMITTED));
    }

    @Test
    void deliveryReportWhenAFinalStatusIsFollowedByALateOneThenTheFinalStatusStays() throws Exception {
        String callback = sendThroughHttpAndGetCallbackPath();
        postForm(callback, "id=" + OPERATOR.lastId() + "&status=delivered");

        postForm(callback, "id=" + OPERATOR.lastId() + "&status=sent");

        assertThat(deliveries.recentTo(mobile, 5)).singleElement()
                .satisfies(delivery -> assertThat(delivery.status()).isEqualTo(SmsDeliveryStatus.DELIVERED));
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void sendWhenLoggedThenOnlyMaskedNumbersAndMessageIdsReachTheLog(CapturedOutput output) throws Exception {
        gateway.send(new SmsMessage(mobile, "Ditt nya masterlösenord: Kaxe4Rpt", true));
        String smppId = SMSC.nextSubmitted(WAIT).messageId();
        String callback = sendThroughHttpAndGetCallbackPath();
        postForm(callback, "id=" + OPERATOR.lastId() + "&status=delivered");
        await().atMost(WAIT).until(() -> deliveries.recentTo(mobile, 5).stream()
                .allMatch(delivery -> delivery.status() == SmsDeliveryStatus.DELIVERED));

        assertThat(output.getAll()).contains(mobile.masked(), smppId, OPERATOR.lastId())
                .doesNotContain(mobile.e164().substring(1))
                .doesNotContain("Kaxe4Rpt")
                .doesNotContain("Your OTP")
                .doesNotContain(SECRET)
                .doesNotContain("s3cret")
                .doesNotContain("p-api");
    }

    @Test
    void otherPostsWithoutCsrfTokenAreStillRefused() throws Exception {
        HttpResponse<String> response = postForm("/login/sms", "personnummer=198001149825&password=Kaxe4Rpt");

        assertThat(response.statusCode()).isEqualTo(403);
    }

    /** Sends through the HTTP fallback; returns the path of the {@code whendelivered} address it gave the operator. */
    private String sendThroughHttpAndGetCallbackPath() throws Exception {
        SMSC.onNextSubmit(InProcessSmsc.Next.REFUSE_THROTTLED);
        gateway.send(new SmsMessage(mobile, "Your OTP: 123456", false));
        URI whenDelivered = URI.create(OPERATOR.nextReceived(WAIT).form().get("whendelivered"));
        assertThat(whenDelivered.getHost()).isEqualTo("sus.example.se");
        return whenDelivered.getPath();
    }

    private HttpResponse<String> postForm(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
