package se.susam.inloggning.bankidsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.susam.inloggning.bankid.AnimatedQr;
import se.susam.inloggning.bankid.AuthRequest;
import se.susam.inloggning.bankid.CollectResponse;
import se.susam.inloggning.bankid.HintCode;
import se.susam.inloggning.bankid.HttpRpApiClient;
import se.susam.inloggning.bankid.OrderResponse;
import se.susam.inloggning.bankid.PhoneAuthRequest;
import se.susam.inloggning.bankid.Requirement;
import se.susam.inloggning.bankid.RpApiException;
import se.susam.inloggning.bankid.RpApiSettings;
import se.susam.inloggning.bankid.RpErrorCode;
import se.susam.inloggning.testsupport.DatabaseTest;
import se.susam.inloggning.testsupport.MutableClock;
import se.susam.inloggning.testsupport.TestRegistry;
import se.susam.inloggning.testsupport.WebClient;

/** The simulator through the real RP API client, and its app page through HTTP. */
@DatabaseTest
class BankIdSimulatorTest {

    private static final String CECILIA = "196803059879";

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    SimulatedBankId simulator;

    HttpRpApiClient client;
    WebClient app;

    @BeforeEach
    void connect() {
        client = new HttpRpApiClient(new RpApiSettings(URI.create("http://127.0.0.1:" + port + "/dev/bankid/rp/v6.0/"),
                null, Duration.ofSeconds(2), Duration.ofSeconds(10), 3, Duration.ofMillis(5)));
        app = new WebClient("http://localhost:" + port);
        simulator.setScenarios(false, 0, 0);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
        simulator.setScenarios(false, 0, 0);
    }

    private OrderResponse auth() {
        return client.auth(new AuthRequest("192.0.2.10", null, null, null, null, null, null, null));
    }

    /** The app reads the QR code shown now and opens the order for {@code personnummer}. */
    private WebClient.Page scan(String qrData, String personnummer) {
        app.get("/dev/bankid/app");
        return app.post("/dev/bankid/app/oppna", "code", qrData, "person", personnummer, "action", "open");
    }

    @Test
    void authWhenCalledThenOrderIsPendingWithOutstandingTransaction() {
        OrderResponse order = auth();

        CollectResponse collect = client.collect(order.orderRef());

        assertThat(collect.state()).isEqualTo(CollectResponse.Status.PENDING);
        assertThat(collect.hint()).contains(HintCode.OUTSTANDING_TRANSACTION);
        assertThat(order.qrStartSecret()).isNotBlank();
    }

    @Test
    void appWhenQrCodeIsScannedAndIdentifiedThenCollectIsCompleteWithTheChosenPerson() {
        OrderResponse order = auth();

        WebClient.Page opened = scan(AnimatedQr.qrData(order.qrStartToken(), order.qrStartSecret(), 0), CECILIA);
        assertThat(opened.location()).endsWith("/dev/bankid/app/order/" + order.orderRef());
        assertThat(client.collect(order.orderRef()).hint()).contains(HintCode.USER_SIGN);

        app.get("/dev/bankid/app/order/" + order.orderRef());
        app.post("/dev/bankid/app/order/" + order.orderRef(), "action", "identify");

        CollectResponse collect = client.collect(order.orderRef());
        assertThat(collect.state()).isEqualTo(CollectResponse.Status.COMPLETE);
        assertThat(collect.completionData().user().personalNumber()).isEqualTo(CECILIA);
        assertThat(collect.completionData().user().name()).isEqualTo("Cecilia Ek");
        assertThat(collect.completionData().signature()).isNotBlank();
        assertThat(collect.completionData().ocspResponse()).isNotBlank();
        assertThat(collect.completionData().device().ipAddress()).isEqualTo("192.0.2.10");
    }

    @Test
    void appWhenQrCodeHmacIsWrongThenRefusedAndOrderStaysOutstanding() {
        OrderResponse order = auth();
        String forged = AnimatedQr.qrData(order.qrStartToken(), "not-the-secret", 0);

        WebClient.Page page = scan(forged, CECILIA);

        assertThat(page.text()).contains("QR-koden är inte giltig");
        assertThat(client.collect(order.orderRef()).hint()).contains(HintCode.OUTSTANDING_TRANSACTION);
    }

    @Test
    void appWhenQrCodeIsOlderThanThirtySecondsThenRefused() {
        OrderResponse order = auth();
        clock.advance(Duration.ofSeconds(29));
        String shownAtStart = AnimatedQr.qrData(order.qrStartToken(), order.qrStartSecret(), 0);
        clock.advance(Duration.ofSeconds(2));

        assertThat(scan(shownAtStart, CECILIA).text()).contains("QR-koden är för gammal");
    }

    @Test
    void appWhenAutostartLinkIsFollowedThenTheOrderOpens() {
        OrderResponse order = auth();

        WebClient.Page opened = scan("bankid:///?autostarttoken=" + order.autoStartToken() + "&redirect=null",
                CECILIA);

        assertThat(opened.location()).endsWith("/dev/bankid/app/order/" + order.orderRef());
    }

    @Test
    void appWhenTheShownQrCodeOfAnOrderIsScannedThenTheOrderOpens() {
        OrderResponse order = auth();
        clock.advance(Duration.ofSeconds(7));
        app.get("/dev/bankid/app");

        WebClient.Page opened = app.post("/dev/bankid/app/oppna", "action", "scan", "orderRef", order.orderRef(),
                "person", CECILIA);

        assertThat(opened.location()).endsWith("/dev/bankid/app/order/" + order.orderRef());
        assertThat(client.collect(order.orderRef()).hint()).contains(HintCode.USER_SIGN);
    }

    @Test
    void collectWhenNotStartedWithinThirtySecondsThenStartFailed() {
        OrderResponse order = auth();
        clock.advance(Duration.ofSeconds(31));

        CollectResponse collect = client.collect(order.orderRef());

        assertThat(collect.state()).isEqualTo(CollectResponse.Status.FAILED);
        assertThat(collect.hint()).contains(HintCode.START_FAILED);
    }

    @Test
    void collectWhenOpenedButNotFinishedWithinThreeMinutesThenExpiredTransaction() {
        OrderResponse order = auth();
        scan(AnimatedQr.qrData(order.qrStartToken(), order.qrStartSecret(), 0), CECILIA);
        clock.advance(Duration.ofMinutes(3).plusSeconds(1));

        assertThat(client.collect(order.orderRef()).hint()).contains(HintCode.EXPIRED_TRANSACTION);
    }

    @Test
    void appWhenUserCancelsThenCollectFailsWithUserCancel() {
        OrderResponse order = auth();
        scan(AnimatedQr.qrData(order.qrStartToken(), order.qrStartSecret(), 0), CECILIA);
        app.post("/dev/bankid/app/order/" + order.orderRef(), "action", "cancel");

        assertThat(client.collect(order.orderRef()).hint()).contains(HintCode.USER_CANCEL);
    }

    @Test
    void appWhenCertificateErrScenarioThenCollectFailsWithCertificateErr() {
        OrderResponse order = auth();
        scan(AnimatedQr.qrData(order.qrStartToken(), order.qrStartSecret(), 0), CECILIA);
        app.post("/dev/bankid/app/order/" + order.orderRef(), "action", "certificateErr");

        assertThat(client.collect(order.orderRef()).hint()).contains(HintCode.CERTIFICATE_ERR);
    }

    @Test
    void appWhenStartFailedScenarioThenCollectFailsWithStartFailed() {
        OrderResponse order = auth();
        app.get("/dev/bankid/app");
        app.post("/dev/bankid/app/oppna", "code", AnimatedQr.qrData(order.qrStartToken(), order.qrStartSecret(), 0),
                "person", CECILIA, "action", "startFailed");

        assertThat(client.collect(order.orderRef()).hint()).contains(HintCode.START_FAILED);
    }

    @Test
    void cancelWhenOrderIsPendingThenCollectFailsWithCancelled() {
        OrderResponse order = auth();

        client.cancel(order.orderRef());

        assertThat(client.collect(order.orderRef()).hint()).contains(HintCode.CANCELLED);
    }

    @Test
    void appWhenPersonOpensASecondOrderThenTheFirstIsCancelled() {
        OrderResponse first = auth();
        OrderResponse second = auth();
        scan(AnimatedQr.qrData(first.qrStartToken(), first.qrStartSecret(), 0), CECILIA);

        scan(AnimatedQr.qrData(second.qrStartToken(), second.qrStartSecret(), 0), CECILIA);

        assertThat(client.collect(first.orderRef()).hint()).contains(HintCode.CANCELLED);
        assertThat(client.collect(second.orderRef()).hint()).contains(HintCode.USER_SIGN);
    }

    @Test
    void authWhenSamePersonnummerAlreadyHasAnOrderInProgressThenAlreadyInProgress() {
        String personnummer = TestRegistry.uniquePersonnummer().value();
        client.phoneAuth(new PhoneAuthRequest(personnummer, "user", null, null, null, null));

        assertThatThrownBy(() -> client.auth(new AuthRequest("192.0.2.10",
                new Requirement(null, null, null, null, personnummer), null, null, null, null, null, null)))
                .isInstanceOfSatisfying(RpApiException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(RpErrorCode.ALREADY_IN_PROGRESS);
                    assertThat(e.httpStatus()).isEqualTo(400);
                });
    }

    @Test
    void phoneAuthWhenOpenedAndIdentifiedThenCompleteForThatPerson() {
        String personnummer = TestRegistry.uniquePersonnummer().value();
        String orderRef = client.phoneAuth(new PhoneAuthRequest(personnummer, "RP", null, null, null, null)).orderRef();
        app.get("/dev/bankid/app");

        app.post("/dev/bankid/app/oppna", "action", "scan", "orderRef", orderRef, "person", "annan",
                "personnummer", personnummer);
        assertThat(client.collect(orderRef).hint()).contains(HintCode.USER_CALL_CONFIRM);
        app.post("/dev/bankid/app/order/" + orderRef, "action", "identify");

        assertThat(client.collect(orderRef).completionData().user().personalNumber()).isEqualTo(personnummer);
    }

    @Test
    void authWhenAlreadyInProgressScenarioIsSetThenTheNextOrderIsRefusedOnce() {
        app.get("/dev/bankid/app");
        app.post("/dev/bankid/app/scenarier", "alreadyInProgress", "true", "maintenanceCalls", "0", "slowMillis", "0");

        assertThatThrownBy(this::auth).isInstanceOfSatisfying(RpApiException.class,
                e -> assertThat(e.errorCode()).isEqualTo(RpErrorCode.ALREADY_IN_PROGRESS));
        assertThat(auth().orderRef()).isNotBlank();
    }

    @Test
    void callWhenMaintenanceScenarioOutlastsTheRetriesThenMaintenance() {
        simulator.setScenarios(false, 5, 0);

        assertThatThrownBy(this::auth).isInstanceOfSatisfying(RpApiException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(RpErrorCode.MAINTENANCE);
            assertThat(e.httpStatus()).isEqualTo(503);
        });
    }

    @Test
    void callWhenMaintenanceIsShorterThanTheRetriesThenTheClientGetsThrough() {
        simulator.setScenarios(false, 2, 0);

        assertThat(auth().orderRef()).isNotBlank();
    }

    @Test
    void callWhenSlowScenarioExceedsTheClientTimeoutThenTransportError() {
        simulator.setScenarios(false, 0, 1_500);
        HttpRpApiClient impatient = new HttpRpApiClient(new RpApiSettings(
                URI.create("http://127.0.0.1:" + port + "/dev/bankid/rp/v6.0/"), null, Duration.ofSeconds(2),
                Duration.ofMillis(500), 1, Duration.ofMillis(5)));

        assertThatThrownBy(() -> impatient.auth(new AuthRequest("192.0.2.10", null, null, null, null, null, null,
                null))).isInstanceOfSatisfying(RpApiException.class,
                e -> assertThat(e.errorCode()).isEqualTo(RpErrorCode.TRANSPORT));
    }

    @Test
    void authWhenEndUserIpIsNotAnIpAddressThenInvalidParameters() {
        assertThatThrownBy(() -> client.auth(new AuthRequest("not-an-ip", null, null, null, null, null, null, null)))
                .isInstanceOfSatisfying(RpApiException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(RpErrorCode.INVALID_PARAMETERS));
    }

    @Test
    void collectWhenOrderRefIsUnknownThenInvalidParameters() {
        assertThatThrownBy(() -> client.collect("00000000-0000-4000-8000-000000000000"))
                .isInstanceOfSatisfying(RpApiException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(RpErrorCode.INVALID_PARAMETERS));
    }

    @Test
    void authWhenContentTypeHasACharsetThenUnsupportedMediaType() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/dev/bankid/rp/v6.0/auth"))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString("{\"endUserIp\":\"192.0.2.10\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.body()).contains("\"errorCode\":\"unsupportedMediaType\"");
    }
}
