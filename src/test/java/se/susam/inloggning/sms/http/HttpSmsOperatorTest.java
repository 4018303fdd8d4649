package se.susam.inloggning.sms.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.susam.inloggning.identity.PhoneNumber;
import se.susam.inloggning.sms.SmsMessage;
import se.susam.inloggning.sms.SmsProperties;
import se.susam.inloggning.sms.SmsSendException;
import se.susam.inloggning.sms.smpp.InProcessSmsc;

/** The HTTP operator client against a local stub of a 46elks-style API. */
class HttpSmsOperatorTest {

    private static final PhoneNumber MOBILE = new PhoneNumber("+46701740605");
    private static final String SECRET = "cb-secret-0123456789abcdefghijklmnopqr";
    private static final Duration WAIT = Duration.ofSeconds(5);

    private HttpOperatorStub stub;

    @BeforeEach
    void startStub() throws Exception {
        stub = HttpOperatorStub.start();
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    @Test
    void submitSendsBasicAuthAndTheFormFieldsIncludingFlashsms() throws Exception {
        String messageId = operator(stub.url(), Duration.ofSeconds(5))
                .submit(new SmsMessage(MOBILE, "Ditt nya masterlösenord: Kaxe4Rpt", true));

        HttpOperatorStub.Received request = stub.nextReceived(WAIT);
        assertThat(messageId).isEqualTo(stub.lastId());
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.authorization()).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString("u-api:p-api".getBytes(StandardCharsets.UTF_8)));
        assertThat(request.contentType()).isEqualTo("application/x-www-form-urlencoded");
        assertThat(request.form())
                .containsEntry("from", "SUS")
                .containsEntry("to", "+46701740605")
                .containsEntry("message", "Ditt nya masterlösenord: Kaxe4Rpt")
                .containsEntry("flashsms", "yes")
                .containsEntry("whendelivered", "https://sus.example.se/sms/delivery/" + SECRET)
                .containsEntry("dontlog", "message");
    }

    @Test
    void submitWhenNotFlashThenNoFlashsmsField() throws Exception {
        operator(stub.url(), Duration.ofSeconds(5)).submit(new SmsMessage(MOBILE, "Your OTP: 123456", false));

        assertThat(stub.nextReceived(WAIT).form()).doesNotContainKey("flashsms");
    }

    @Test
    void submitWhenCredentialsAreRefusedThenFailsNamingTheCredentials() {
        stub.answer(401);

        assertThatThrownBy(() -> operator(stub.url(), Duration.ofSeconds(5))
                .submit(new SmsMessage(MOBILE, "Your OTP: 123456", false)))
                .isInstanceOf(SmsSendException.class)
                .hasMessageContaining("refused the API credentials (HTTP 401)")
                .hasMessageNotContaining("p-api");
    }

    @Test
    void submitWhenMessageIsRefusedThenFailsWithTheStatusButNotTheTextOrNumber() {
        stub.answer(422);

        assertThatThrownBy(() -> operator(stub.url(), Duration.ofSeconds(5))
                .submit(new SmsMessage(MOBILE, "Your OTP: 123456", false)))
                .isInstanceOf(SmsSendException.class)
                .hasMessageContaining("refused the message (HTTP 422)")
                .hasMessageNotContaining("123456")
                .hasMessageNotContaining("+46701740605");
    }

    @Test
    void submitWhenOperatorFailsThenFailsWithTheServerStatus() {
        stub.answer(503);

        assertThatThrownBy(() -> operator(stub.url(), Duration.ofSeconds(5))
                .submit(new SmsMessage(MOBILE, "Your OTP: 123456", false)))
                .isInstanceOf(SmsSendException.class).hasMessageContaining("failed (HTTP 503)");
    }

    @Test
    void submitWhenOperatorAnswersTooSlowlyThenTimesOut() {
        stub.delay(Duration.ofSeconds(3));
        long start = System.nanoTime();

        assertThatThrownBy(() -> operator(stub.url(), Duration.ofMillis(300))
                .submit(new SmsMessage(MOBILE, "Your OTP: 123456", false)))
                .isInstanceOf(SmsSendException.class).hasMessageContaining("did not answer in time");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void submitWhenOperatorIsUnreachableThenFails() throws Exception {
        URI nobodyListens = URI.create("http://127.0.0.1:" + InProcessSmsc.freePort() + "/a1/sms");

        assertThatThrownBy(() -> operator(nobodyListens, Duration.ofSeconds(5))
                .submit(new SmsMessage(MOBILE, "Your OTP: 123456", false)))
                .isInstanceOf(SmsSendException.class).hasMessageContaining("could not be reached");
    }

    private static HttpSmsOperator operator(URI url, Duration requestTimeout) {
        return new HttpSmsOperator(new SmsProperties.Http(url, "u-api", "p-api", URI.create("https://sus.example.se/"),
                SECRET, Duration.ofSeconds(2), requestTimeout), "SUS");
    }
}
