package se.susam.inloggning.bankidlogin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.susam.inloggning.testsupport.WebClient;

/**
 * A tester of BankID login against the running application and its simulator: starts logins in a
 * browser, plays the user's BankID app (scans the QR code, opens and answers orders) and sets the
 * simulator's scenarios, all through their web pages.
 */
final class BankIdTester {

    private static final Pattern POLL = Pattern.compile("data-poll=\"([^\"]+)\"");
    private static final Pattern QR = Pattern.compile("data-qr=\"([^\"]+)\"");
    private static final Pattern COLLECTS = Pattern.compile("Anrop till /collect \\(högst ett per 2 sekunder\\) (\\d+)");

    private final int port;
    /** The QR code's address on each browser's last waiting page. */
    private final Map<WebClient, String> qrAddresses = new WeakHashMap<>();

    BankIdTester(int port) {
        this.port = port;
    }

    WebClient browser() {
        return new WebClient("http://localhost:" + port);
    }

    /** Sets the simulator's RP API scenarios on its app page. */
    void setScenarios(boolean alreadyInProgress, int maintenanceCalls, int slowMillis) {
        WebClient tester = browser();
        tester.get("/dev/bankid/app");
        tester.post("/dev/bankid/app/scenarier", "alreadyInProgress", Boolean.toString(alreadyInProgress),
                "maintenanceCalls", Integer.toString(maintenanceCalls), "slowMillis", Integer.toString(slowMillis));
    }

    /** Starts a login with BankID on another device in {@code browser}; the waiting page. */
    WebClient.Page startOnOtherDevice(WebClient browser) {
        browser.get("/login/bankid");
        WebClient.Page started = browser.post("/login/bankid/start", "enhet", "annan");
        assertThat(started.redirectsTo("/login/bankid/vantar")).as(started.status() + " " + started.text()).isTrue();
        return waitingPage(browser);
    }

    /** {@code browser} opens the waiting page, as after starting; the page. */
    WebClient.Page waitingPage(WebClient browser) {
        WebClient.Page waiting = browser.get("/login/bankid/vantar");
        Matcher qr = QR.matcher(waiting.body());
        if (qr.find()) {
            qrAddresses.put(browser, qr.group(1).replace("&amp;", "&"));
        }
        return waiting;
    }

    /** The address the waiting page's script polls: the status with the page's poll token. */
    static String pollUrl(WebClient.Page waiting) {
        Matcher poll = POLL.matcher(waiting.body());
        assertThat(poll.find()).as(waiting.body()).isTrue();
        return poll.group(1).replace("&amp;", "&");
    }

    /** What the QR code on {@code browser}'s last waiting page says now, as the page's script reloads it. */
    String scanQr(WebClient browser) {
        String address = qrAddresses.get(browser);
        assertThat(address).as("a waiting page with a QR code in this browser").isNotNull();
        WebClient.Page svg = browser.get(address + "&n=" + System.nanoTime());
        assertThat(svg.status()).isEqualTo(200);
        return QrScanner.scan(svg.body());
    }

    /** The tester, holding the phone of {@code personnummer}, scans the code and opens the order. */
    WebClient.Page openInApp(String code, String personnummer) {
        WebClient app = browser();
        app.get("/dev/bankid/app");
        return app.post("/dev/bankid/app/oppna", "code", code, "person", "annan", "personnummer", personnummer,
                "fornamn", "Test", "efternamn", "Person", "action", "open");
    }

    /** Does {@code action} ("identify", "cancel", …) in the app on the order {@code opened} opened. */
    WebClient.Page inApp(WebClient.Page opened, String action) {
        WebClient app = browser();
        String orderPage = URI.create(opened.location()).getPath();
        app.get(orderPage);
        return app.post(orderPage, "action", action);
    }

    /** How many times our server has called {@code /collect} for the order, as the simulator counted. */
    int collectCalls(String orderRef) {
        String text = browser().get("/dev/bankid/app/order/" + orderRef).text();
        Matcher m = COLLECTS.matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
