package se.susam.inloggning.bankid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The RP API client against a stub of BankID over real mutual TLS, certificates made here. */
class HttpRpApiClientTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static TestPki.Issued bankIdRoot;
    static TestPki.Issued rpCa;
    static SSLContext rpTls;
    static RpApiStub stub;

    @BeforeAll
    static void startStub() throws Exception {
        bankIdRoot = TestPki.rootCa("Test BankID Root CA");
        rpCa = TestPki.rootCa("Test BankID RP CA");
        TestPki.Issued rp = TestPki.client(rpCa, "FP Testcert SUS");
        rpTls = RpTls.sslContext(TestPki.pkcs12(rp, rpCa), TestPki.PASSWORD, bankIdRoot.certificate());
        stub = new RpApiStub(TestPki.serverContext(TestPki.server(bankIdRoot), bankIdRoot, rpCa.certificate()));
    }

    @AfterAll
    static void stopStub() {
        stub.close();
    }

    private static HttpRpApiClient client(SSLContext tls, URI baseUri) {
        return client(tls, baseUri, Duration.ofSeconds(10));
    }

    private static HttpRpApiClient client(SSLContext tls, URI baseUri, Duration requestTimeout) {
        return new HttpRpApiClient(new RpApiSettings(baseUri, tls, Duration.ofSeconds(5), requestTimeout, 3,
                Duration.ofMillis(5)));
    }

    private static HttpRpApiClient client() {
        return client(rpTls, stub.baseUri());
    }

    @Test
    void authWhenCalledThenPostsEveryFieldAsJsonWithoutCharsetOverMutualTls() throws Exception {
        stub.then(RpApiStub.Reply.ok("""
                {"orderRef":"131daac9-16c6-4618-beb0-365768f37288","autoStartToken":"7c40b5c9-fa74-49cf-b98c-bfe651f9a7c6",
                 "qrStartToken":"67df3917-fa0d-44e5-b327-edcc928297f8","qrStartSecret":"d28db9a7-4cde-429e-a983-359be676944c"}"""));

        OrderResponse order = client().auth(new AuthRequest("192.0.2.7",
                new Requirement(true, true, null, List.of("1.2.3.4.25"), "196803059879"),
                "TG9nZ2EgaW4gaSBTVVM=", "bm9uY2U=", "plaintext", "https://sus.test/login/bankid/retur#nonce=abc",
                true, new Web("sus.test", "Mozilla/5.0", "d3ZpY2U")));

        assertThat(order.orderRef()).isEqualTo("131daac9-16c6-4618-beb0-365768f37288");
        assertThat(order.autoStartToken()).isEqualTo("7c40b5c9-fa74-49cf-b98c-bfe651f9a7c6");
        assertThat(order.qrStartToken()).isEqualTo("67df3917-fa0d-44e5-b327-edcc928297f8");
        assertThat(order.qrStartSecret()).isEqualTo("d28db9a7-4cde-429e-a983-359be676944c");
        assertThat(order.toString()).doesNotContain("d28db9a7", "67df3917", "7c40b5c9");

        RpApiStub.Received request = stub.last();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/rp/v6.0/auth");
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.clientSubject()).contains("CN=FP Testcert SUS");
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.get("endUserIp").asString()).isEqualTo("192.0.2.7");
        assertThat(body.get("requirement").get("pinCode").asBoolean()).isTrue();
        assertThat(body.get("requirement").get("mrtd").asBoolean()).isTrue();
        assertThat(body.get("requirement").get("certificatePolicies").get(0).asString()).isEqualTo("1.2.3.4.25");
        assertThat(body.get("requirement").get("personalNumber").asString()).isEqualTo("196803059879");
        assertThat(body.get("requirement").has("cardReader")).isFalse();
        assertThat(body.get("userVisibleData").asString()).isEqualTo("TG9nZ2EgaW4gaSBTVVM=");
        assertThat(body.get("userNonVisibleData").asString()).isEqualTo("bm9uY2U=");
        assertThat(body.get("userVisibleDataFormat").asString()).isEqualTo("plaintext");
        assertThat(body.get("returnUrl").asString()).isEqualTo("https://sus.test/login/bankid/retur#nonce=abc");
        assertThat(body.get("returnRisk").asBoolean()).isTrue();
        assertThat(body.get("web").get("referringDomain").asString()).isEqualTo("sus.test");
        assertThat(body.get("web").get("userAgent").asString()).isEqualTo("Mozilla/5.0");
        assertThat(body.get("web").get("deviceIdentifier").asString()).isEqualTo("d3ZpY2U");
    }

    @Test
    void authWhenOnlyTheIpIsGivenThenNoOtherFieldIsSent() throws Exception {
        stub.then(RpApiStub.Reply.ok("{\"orderRef\":\"a\",\"autoStartToken\":\"b\",\"qrStartToken\":\"c\",\"qrStartSecret\":\"d\"}"));

        client().auth(new AuthRequest("192.0.2.7", Requirement.none(), null, null, null, null, null, null));

        JsonNode body = JSON.readTree(stub.last().body());
        assertThat(body.propertyNames()).containsExactly("endUserIp");
    }

    @Test
    void phoneAuthWhenCalledThenPostsPersonalNumberAndCallInitiator() throws Exception {
        stub.then(RpApiStub.Reply.ok("{\"orderRef\":\"9a1e1c61-0000-4000-8000-000000000001\"}"));

        PhoneOrderResponse order = client().phoneAuth(new PhoneAuthRequest("196803059879", "user",
                new Requirement(true, null, null, null, null), null, null, null));

        assertThat(order.orderRef()).isEqualTo("9a1e1c61-0000-4000-8000-000000000001");
        assertThat(stub.last().path()).isEqualTo("/rp/v6.0/phone/auth");
        JsonNode body = JSON.readTree(stub.last().body());
        assertThat(body.get("personalNumber").asString()).isEqualTo("196803059879");
        assertThat(body.get("callInitiator").asString()).isEqualTo("user");
        assertThat(body.get("requirement").get("pinCode").asBoolean()).isTrue();
    }

    @Test
    void phoneAuthWhenCallInitiatorIsNeitherUserNorRpThenRefusedBeforeSending() {
        assertThatThrownBy(() -> new PhoneAuthRequest("196803059879", "bank", null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(HintCode.class)
    void collectWhenBankIdSendsAHintCodeThenItIsReadWithItsState(HintCode hint) {
        String status = hint.isPending() ? "pending" : "failed";
        stub.then(RpApiStub.Reply.ok("{\"orderRef\":\"o-1\",\"status\":\"" + status + "\",\"hintCode\":\""
                + hint.wire() + "\"}"));

        CollectResponse response = client().collect("o-1");

        assertThat(response.hint()).contains(hint);
        assertThat(response.state()).isEqualTo(hint.isPending() ? CollectResponse.Status.PENDING
                : CollectResponse.Status.FAILED);
        assertThat(stub.last().path()).isEqualTo("/rp/v6.0/collect");
        assertThat(stub.last().body()).isEqualTo("{\"orderRef\":\"o-1\"}");
    }

    @Test
    void collectWhenHintCodeIsNewToUsThenKeptAsSentAndHintIsEmpty() {
        stub.then(RpApiStub.Reply.ok("{\"orderRef\":\"o-2\",\"status\":\"pending\",\"hintCode\":\"somethingNew\"}"));

        CollectResponse response = client().collect("o-2");

        assertThat(response.hintCode()).isEqualTo("somethingNew");
        assertThat(response.hint()).isEmpty();
    }

    @Test
    void collectWhenCompleteThenEveryCompletionDataFieldIsRead() {
        stub.then(RpApiStub.Reply.ok("""
                {"orderRef":"o-3","status":"complete","completionData":{
                  "user":{"personalNumber":"196803059879","name":"Cecilia Ek","givenName":"Cecilia","surname":"Ek"},
                  "device":{"ipAddress":"192.0.2.7","uhi":"OZvYM9VvyiAmG7NA5jU5zRGcTaM="},
                  "stepUp":{"mrtd":true},
                  "bankIdIssueDate":"2023-11-02",
                  "signature":"PD94bWwgdmVyc2lvbj0iMS4wIj8+",
                  "ocspResponse":"MIIHfgoBAKCCB3cwggdzBgkrBgEFBQcwAQE=",
                  "risk":"low"},
                 "somethingAddedLater":1}"""));

        CollectResponse response = client().collect("o-3");

        assertThat(response.state()).isEqualTo(CollectResponse.Status.COMPLETE);
        CompletionData data = response.completionData();
        assertThat(data.user()).isEqualTo(new CompletionData.User("196803059879", "Cecilia Ek", "Cecilia", "Ek"));
        assertThat(data.device()).isEqualTo(new CompletionData.Device("192.0.2.7", "OZvYM9VvyiAmG7NA5jU5zRGcTaM="));
        assertThat(data.stepUp().mrtd()).isTrue();
        assertThat(data.bankIdIssueDate()).isEqualTo("2023-11-02");
        assertThat(data.signature()).isEqualTo("PD94bWwgdmVyc2lvbj0iMS4wIj8+");
        assertThat(data.ocspResponse()).isEqualTo("MIIHfgoBAKCCB3cwggdzBgkrBgEFBQcwAQE=");
        assertThat(data.risk()).isEqualTo("low");
        assertThat(data.toString()).doesNotContain("196803059879");
    }

    @Test
    void collectWhenStatusIsUnknownThenUnexpectedResponse() {
        stub.then(RpApiStub.Reply.ok("{\"orderRef\":\"o-4\",\"status\":\"paused\"}"));

        assertThatThrownBy(() -> client().collect("o-4")).isInstanceOfSatisfying(RpApiException.class,
                e -> assertThat(e.errorCode()).isEqualTo(RpErrorCode.UNEXPECTED_RESPONSE));
    }

    @Test
    void cancelWhenCalledThenPostsTheOrderRef() {
        stub.then(RpApiStub.Reply.ok("{}"));

        client().cancel("o-5");

        assertThat(stub.last().path()).isEqualTo("/rp/v6.0/cancel");
        assertThat(stub.last().body()).isEqualTo("{\"orderRef\":\"o-5\"}");
    }

    @ParameterizedTest(name = "HTTP {0} {1} -> {2}")
    @CsvSource({
            "400, alreadyInProgress, ALREADY_IN_PROGRESS",
            "400, invalidParameters, INVALID_PARAMETERS",
            "401, unauthorized, UNAUTHORIZED",
            "403, unauthorized, UNAUTHORIZED",
            "404, notFound, NOT_FOUND",
            "405, methodNotAllowed, METHOD_NOT_ALLOWED",
            "408, requestTimeout, REQUEST_TIMEOUT",
            "415, unsupportedMediaType, UNSUPPORTED_MEDIA_TYPE",
            "500, internalError, INTERNAL_ERROR",
            "400, somethingNew, UNKNOWN"
    })
    void callWhenBankIdAnswersAnErrorCodeThenItIsMappedAndNotRetried(int status, String errorCode,
                                                                     RpErrorCode expected) {
        int before = stub.received().size();
        stub.then(RpApiStub.Reply.error(status, errorCode, "details from BankID"));

        assertThatThrownBy(() -> client().collect("o-6")).isInstanceOfSatisfying(RpApiException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(expected);
            assertThat(e.httpStatus()).isEqualTo(status);
            assertThat(e.details()).isEqualTo("details from BankID");
        });
        assertThat(stub.received().size() - before).isEqualTo(1);
    }

    @ParameterizedTest(name = "HTTP {0} without a JSON body -> {1}")
    @CsvSource({"401, UNAUTHORIZED", "404, NOT_FOUND", "415, UNSUPPORTED_MEDIA_TYPE", "500, INTERNAL_ERROR",
            "502, UNKNOWN"})
    void callWhenErrorBodyIsNotJsonThenMappedByStatus(int status, RpErrorCode expected) {
        stub.then(new RpApiStub.Reply(status, "<html>Bad</html>", 0));

        assertThatThrownBy(() -> client().cancel("o-7")).isInstanceOfSatisfying(RpApiException.class,
                e -> assertThat(e.errorCode()).isEqualTo(expected));
    }

    @ParameterizedTest
    @CsvSource({"503, maintenance", "429, tooManyRequests"})
    void callWhenBankIdAsksToWaitThenRetriedWithBackoffAndSucceeds(int status, String errorCode) {
        int before = stub.received().size();
        stub.then(RpApiStub.Reply.error(status, errorCode, "later"))
                .then(RpApiStub.Reply.error(status, errorCode, "later"))
                .then(RpApiStub.Reply.ok("{\"orderRef\":\"o-8\",\"status\":\"pending\",\"hintCode\":\"started\"}"));

        CollectResponse response = client().collect("o-8");

        assertThat(response.hint()).contains(HintCode.STARTED);
        assertThat(stub.received().size() - before).isEqualTo(3);
    }

    @Test
    void callWhenMaintenanceLastsBeyondEveryAttemptThenMaintenanceAfterThreeTries() {
        int before = stub.received().size();
        for (int i = 0; i < 3; i++) {
            stub.then(RpApiStub.Reply.error(503, "maintenance", "planned"));
        }

        assertThatThrownBy(() -> client().collect("o-9")).isInstanceOfSatisfying(RpApiException.class,
                e -> assertThat(e.errorCode()).isEqualTo(RpErrorCode.MAINTENANCE));
        assertThat(stub.received().size() - before).isEqualTo(3);
    }

    @Test
    void callWhenBankIdDoesNotAnswerInTimeThenTransportErrorAfterTheTimeout() {
        HttpRpApiClient impatient = client(rpTls, stub.baseUri(), Duration.ofMillis(1_500));
        stub.then(RpApiStub.Reply.ok("{}"));
        impatient.cancel("o-10");
        stub.then(new RpApiStub.Reply(200, "{}", 4_000));
        long start = System.nanoTime();

        assertThatThrownBy(() -> impatient.cancel("o-10")).isInstanceOfSatisfying(RpApiException.class,
                e -> assertThat(e.errorCode()).isEqualTo(RpErrorCode.TRANSPORT));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3_500));
    }

    @Test
    void callWhenServerCertificateIsNotFromBankIdsRootThenRefused() throws Exception {
        TestPki.Issued otherRoot = TestPki.rootCa("Some Public CA");
        try (RpApiStub impostor = new RpApiStub(TestPki.serverContext(TestPki.server(otherRoot), otherRoot,
                rpCa.certificate()))) {
            impostor.always(RpApiStub.Reply.ok("{}"));

            assertThatThrownBy(() -> client(rpTls, impostor.baseUri()).cancel("o-11"))
                    .isInstanceOfSatisfying(RpApiException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(RpErrorCode.TRANSPORT));
            assertThat(impostor.received()).isEmpty();
        }
    }

    @Test
    void callWhenRelyingPartyHasNoCertificateThenBankIdRefusesTheHandshake() throws Exception {
        KeyStore empty = KeyStore.getInstance("PKCS12");
        empty.load(null, null);
        SSLContext anonymous = RpTls.sslContext(empty, TestPki.PASSWORD, bankIdRoot.certificate());
        int before = stub.received().size();

        assertThatThrownBy(() -> client(anonymous, stub.baseUri()).cancel("o-12"))
                .isInstanceOfSatisfying(RpApiException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(RpErrorCode.TRANSPORT));
        assertThat(stub.received().size()).isEqualTo(before);
    }

    @Test
    void settingsWhenPlainHttpToAnotherHostThenRefused() {
        assertThatThrownBy(() -> new RpApiSettings(URI.create("http://appapi2.bankid.com/rp/v6.0/"), null,
                Duration.ofSeconds(1), Duration.ofSeconds(1), 1, Duration.ofMillis(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
    }

    @Test
    void settingsWhenHttpsWithoutTlsMaterialThenRefused() {
        assertThatThrownBy(() -> new RpApiSettings(URI.create("https://appapi2.bankid.com/rp/v6.0/"), null,
                Duration.ofSeconds(1), Duration.ofSeconds(1), 1, Duration.ofMillis(1)))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("mutual TLS");
    }
}
