package se.susam.inloggning.bankidlogin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import se.susam.inloggning.access.Person;
import se.susam.inloggning.testsupport.DatabaseTest;
import se.susam.inloggning.testsupport.TestRegistry;
import se.susam.inloggning.testsupport.WebClient;

/**
 * BankID login end to end over HTTP: the chooser, our pages, the real RP API client, the simulator's
 * RP API and its app page, the access gate, SUS. The clock is moved past BankID's two-second collect
 * interval between polls.
 */
@DatabaseTest
class BankIdLoginFlowTest extends BankIdTestBase {

    private static final Duration COLLECT_INTERVAL = Duration.ofSeconds(2);
    private static final Pattern AUTOSTART = Pattern.compile("href=\"([^\"]*autostarttoken=[^\"]+)\"");

    private WebClient browser() {
        return bankId.browser();
    }

    /** A person with valid access to SUS (access does not depend on the login method). */
    private Person personWithAccess() {
        return registry.smsUser("Kaxe4Rpt").person();
    }

    /** A login on another device by a person with access, who then does {@code action} in the app. */
    private WebClient.Page waitingPageAfterTheAppDoes(String action) {
        WebClient browser = browser();
        bankId.startOnOtherDevice(browser);
        bankId.inApp(bankId.openInApp(bankId.scanQr(browser), personWithAccess().personnummer().value()), action);
        return pollAfterInterval(browser);
    }

    private WebClient.Page pollAfterInterval(WebClient browser) {
        clock.advance(COLLECT_INTERVAL);
        return browser.get("/login/bankid/vantar");
    }

    @Test
    void chooserWhenShownThenOffersBankIdAndMobiltBankId() {
        WebClient.Page chooser = browser().get("/login");

        assertThat(chooser.text()).contains("BankID", "Mobilt BankID");
        assertThat(chooser.body()).contains("href=\"/login/bankid\"");
    }

    @Test
    void deviceQuestionWhenOnAComputerThenAsksInBankIdsWordsForComputers() {
        WebClient.Page page = browser().get("/login/bankid");

        assertThat(page.text()).contains("Vill du använda BankID på den här datorn eller ett Mobilt BankID?",
                "BankID på den här datorn", "Mobilt BankID");
    }

    @Test
    void deviceQuestionWhenOnAPhoneThenAsksInBankIdsWordsForPhones() throws Exception {
        MobileBrowser phone = new MobileBrowser();

        assertThat(phone.get("/login/bankid").body())
                .contains("Vill du använda BankID på den här enheten eller på en annan enhet?");
    }

    @Test
    void deviceQuestionWhenEnglishThenBankIdsEnglishWords() {
        WebClient.Page page = browser().get("/login/bankid?lang=en");

        assertThat(page.text()).contains("Would you like to use BankID on this computer, or a Mobile BankID?");
    }

    @Test
    void startWhenNoDeviceIsChosenThenBid012WithStatus400() {
        WebClient browser = browser();
        browser.get("/login/bankid");

        WebClient.Page page = browser.post("/login/bankid/start");

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text()).contains("Välj om du vill använda BankID på den här enheten eller på en annan enhet.",
                "BID-012");
    }

    @Test
    void loginWhenQrCodeIsScannedOnAnotherDeviceThenLandsInSusWithMobiltBankId() {
        Person person = personWithAccess();
        WebClient browser = browser();

        WebClient.Page waiting = bankId.startOnOtherDevice(browser);
        assertThat(waiting.status()).isEqualTo(200);
        assertThat(waiting.text()).contains("Starta BankID-appen.", "Avbryt");
        assertThat(waiting.body()).contains("<noscript><meta http-equiv=\"refresh\" content=\"1\"></noscript>",
                "src=\"/js/bankid.js\"", "/login/bankid/qr.svg");

        WebClient.Page opened = bankId.openInApp(bankId.scanQr(browser), person.personnummer().value());
        assertThat(opened.status()).isEqualTo(302);
        assertThat(pollAfterInterval(browser).text())
                .contains("Skriv in din säkerhetskod i BankID-appen och välj Identifiera eller Skriv under.");

        bankId.inApp(opened, "identify");
        WebClient.Page done = pollAfterInterval(browser);

        assertThat(done.redirectsTo("/sus")).isTrue();
        WebClient.Page sus = browser.get("/sus");
        assertThat(sus.status()).isEqualTo(200);
        assertThat(sus.text()).contains("Välkommen, Test Person", "Mobilt BankID", "Insatsansvarig");
    }

    @Test
    void loginWhenStartedOnThisComputerThenAutostartLinkOpensTheAppAndLandsInSusWithBankId() {
        Person person = personWithAccess();
        WebClient browser = browser();
        browser.get("/login/bankid");
        browser.post("/login/bankid/start", "enhet", "denna");

        WebClient.Page waiting = browser.get("/login/bankid/vantar");
        assertThat(waiting.text()).contains("Försöker starta BankID-appen.", "Starta BankID-appen");
        Matcher link = AUTOSTART.matcher(waiting.body());
        assertThat(link.find()).isTrue();
        String autostart = link.group(1).replace("&amp;", "&");
        assertThat(autostart).startsWith("/dev/bankid/app?autostarttoken=").endsWith("&redirect=null");

        WebClient.Page app = browser().get(autostart);
        String token = autostart.substring(autostart.indexOf('=') + 1, autostart.indexOf('&'));
        assertThat(app.body()).contains(token);
        bankId.inApp(bankId.openInApp(token, person.personnummer().value()), "identify");

        assertThat(pollAfterInterval(browser).redirectsTo("/sus")).isTrue();
        assertThat(browser.get("/sus").text()).contains("Välkommen, Test Person", "Inloggad med", "BankID");
    }

    @Test
    void loginWhenOnAPhoneThenTheAppReturnsToReturnUrlWithTheNonceAndLoginCompletes() throws Exception {
        Person person = personWithAccess();
        MobileBrowser phone = new MobileBrowser();
        phone.get("/login/bankid");
        phone.post("/login/bankid/start", "enhet", "denna");
        String waiting = phone.get("/login/bankid/vantar").body();
        Matcher link = AUTOSTART.matcher(waiting);
        assertThat(link.find()).isTrue();
        String autostart = link.group(1).replace("&amp;", "&");
        String token = autostart.substring(autostart.indexOf('=') + 1, autostart.indexOf('&'));

        WebClient.Page identified = bankId.inApp(bankId.openInApp(token, person.personnummer().value()), "identify");

        assertThat(identified.location()).contains("/login/bankid/retur?nonce=");
        HttpResponse<String> returned = phone.get(URI.create(identified.location()).getRawPath() + "?"
                + URI.create(identified.location()).getRawQuery());
        assertThat(returned.headers().firstValue("Location").orElseThrow()).endsWith("/login/bankid/vantar");
        clock.advance(COLLECT_INTERVAL);
        assertThat(phone.get("/login/bankid/vantar").headers().firstValue("Location").orElseThrow()).endsWith("/sus");
        assertThat(phone.get("/sus").body()).contains("Mobilt BankID");
    }

    @Test
    void returnWhenNonceIsNotThisBrowsersThenBid011WithStatus400() {
        WebClient browser = browser();
        browser.get("/login/bankid");
        browser.post("/login/bankid/start", "enhet", "denna");

        WebClient.Page page = browser.get("/login/bankid/retur?nonce=someone-elses");

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text()).contains("BID-011", "Inloggningen kunde inte kopplas till den här webbläsaren.");
    }

    @Test
    void loginWhenPersonHasNoAccessThenDuSaknarBehorighet() {
        Person noAccess = registry.person("Fredrik", "Ahl");
        WebClient browser = browser();
        bankId.startOnOtherDevice(browser);
        bankId.inApp(bankId.openInApp(bankId.scanQr(browser), noAccess.personnummer().value()), "identify");

        WebClient.Page page = pollAfterInterval(browser);

        assertThat(page.status()).isEqualTo(403);
        assertThat(page.text()).contains("Du saknar behörighet till SUS", "ACC-001");
        assertThat(browser.get("/sus").status()).isEqualTo(302);
    }

    @Test
    void loginWhenCompleteThenCompletionDataIsStoredWithTheAuditEvent() {
        Person person = personWithAccess();
        WebClient browser = browser();
        bankId.startOnOtherDevice(browser);
        bankId.inApp(bankId.openInApp(bankId.scanQr(browser), person.personnummer().value()), "identify");
        pollAfterInterval(browser);

        String correlation = jdbc.sql("""
                SELECT correlation_id FROM audit_event WHERE personnummer = :p AND event_type = 'LOGIN_BANKID'
                AND outcome = 'SUCCESS'""").param("p", person.personnummer().value()).query(String.class).single();
        var evidence = jdbc.sql("""
                SELECT signature, ocsp_response, correlation_id FROM bankid_completion WHERE personnummer = :p""")
                .param("p", person.personnummer().value()).query().singleRow();
        assertThat((String) evidence.get("signature")).isNotBlank();
        assertThat((String) evidence.get("ocsp_response")).isNotBlank();
        assertThat(evidence.get("correlation_id")).isEqualTo(correlation);
    }

    @Test
    void loginWhenCompleteThenItIsHandedToOneSessionOnly() {
        Person person = personWithAccess();
        WebClient browser = browser();
        bankId.startOnOtherDevice(browser);
        bankId.inApp(bankId.openInApp(bankId.scanQr(browser), person.personnummer().value()), "identify");
        assertThat(pollAfterInterval(browser).redirectsTo("/sus")).isTrue();

        WebClient.Page again = browser.get("/login/bankid/vantar");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text()).contains("BID-010");
    }

    @Test
    void qrCodeWhenShownThenChangesEverySecondAndNeverRevealsTheSecret() {
        WebClient browser = browser();
        WebClient.Page waiting = bankId.startOnOtherDevice(browser);
        String first = bankId.scanQr(browser);
        clock.advance(Duration.ofSeconds(1));
        String second = bankId.scanQr(browser);

        assertThat(first).matches("bankid\\.[0-9a-f-]{36}\\.\\d+\\.[0-9a-f]{64}");
        assertThat(second).isNotEqualTo(first);
        assertThat(second.split("\\.")[1]).isEqualTo(first.split("\\.")[1]);
        String secret = jdbc.sql("SELECT qr_start_secret FROM bankid_login WHERE qr_start_token = :t")
                .param("t", first.split("\\.")[1]).query(String.class).single();
        assertThat(waiting.body()).doesNotContain(secret);
        assertThat(browser.get(BankIdTester.pollUrl(waiting)).body()).doesNotContain(secret);
        WebClient.Page svg = browser.get(BankIdTester.pollUrl(waiting).replace("/status", "/qr.svg"));
        assertThat(svg.body()).startsWith("<svg").doesNotContain(secret);
    }

    @Test
    void statusWhenPolledManyTimesWithinTwoSecondsThenBankIdIsCollectedOnce() {
        WebClient browser = browser();
        String poll = BankIdTester.pollUrl(bankId.startOnOtherDevice(browser));
        WebClient otherTab = browser();
        for (int i = 0; i < 10; i++) {
            assertThat((i % 2 == 0 ? browser : otherTab).get(poll).body()).contains("\"state\":\"pending\"");
        }
        String token = bankId.scanQr(browser).split("\\.")[1];
        String orderRef = jdbc.sql("SELECT order_ref FROM bankid_login WHERE qr_start_token = :t")
                .param("t", token).query(String.class).single();
        assertThat(bankId.collectCalls(orderRef)).isEqualTo(1);

        clock.advance(COLLECT_INTERVAL);
        browser.get(poll);
        otherTab.get(poll);

        assertThat(bankId.collectCalls(orderRef)).isEqualTo(2);
    }

    @Test
    void statusWhenTokenIsMissingMalformedOrNoLoginsThen404WithNothingSaid() {
        WebClient browser = browser();
        bankId.startOnOtherDevice(browser);

        for (String poll : new String[] {"/login/bankid/status", "/login/bankid/status?t=",
                "/login/bankid/status?t=not-a-token", "/login/bankid/status?t=AAAAAAAAAAAAAAAAAAAAAA"}) {
            WebClient.Page page = browser.get(poll);
            assertThat(page.status()).as(poll).isEqualTo(404);
            assertThat(page.body()).as(poll).isEmpty();
        }
    }

    @Test
    void statusWhenPolledWithTheTokenThenAnswersWithoutASession() {
        String poll = BankIdTester.pollUrl(bankId.startOnOtherDevice(browser()));
        WebClient noCookies = browser();

        WebClient.Page page = noCookies.get(poll);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("\"state\":\"pending\"", "Starta BankID-appen.");
        assertThat(noCookies.sessionCookie()).as("no session made for a poll").isNull();
        assertThat(browser().post(poll).status()).isEqualTo(405);
    }

    @Test
    void qrCodeWhenFetchedWithThePollTokenThenTheCodeWithoutASessionAndNothingWithoutAGoodToken() {
        WebClient browser = browser();
        WebClient.Page waiting = bankId.startOnOtherDevice(browser);
        Matcher src = Pattern.compile("id=\"bankid-qr\"[^>]*data-qr=\"([^\"]+)\"").matcher(waiting.body());
        assertThat(src.find()).as(waiting.body()).isTrue();
        String qrUrl = src.group(1).replace("&amp;", "&");
        assertThat(qrUrl).isEqualTo(BankIdTester.pollUrl(waiting).replace("/login/bankid/status", "/login/bankid/qr.svg"));
        WebClient noCookies = browser();

        WebClient.Page qr = noCookies.get(qrUrl + "&n=1");

        assertThat(qr.status()).isEqualTo(200);
        assertThat(qr.body()).startsWith("<svg");
        assertThat(QrScanner.scan(qr.body())).isEqualTo(bankId.scanQr(browser));
        assertThat(noCookies.sessionCookie()).as("no session made for the QR code").isNull();
        assertThat(noCookies.get("/login/bankid/qr.svg?t=AAAAAAAAAAAAAAAAAAAAAA").status()).isEqualTo(404);
        assertThat(browser.get("/login/bankid/qr.svg").status()).as("the session alone").isEqualTo(404);
        assertThat(noCookies.get("/login/bankid/qr.svg?t=not-a-token").status()).isEqualTo(404);
        assertThat(noCookies.post(qrUrl).status()).isEqualTo(405);
    }

    @Test
    void statusWhenPolledThenTimedAsBankIdPollsNotAmongTheOtherRequests() {
        String poll = BankIdTester.pollUrl(bankId.startOnOtherDevice(browser()));
        long before = pollsCounted();

        browser().get(poll);
        browser().get(poll);

        assertThat(pollsCounted()).isEqualTo(before + 2);
        assertThat(browser().get("/actuator/prometheus").body())
                .contains("uri=\"/login/bankid/vantar\"").doesNotContain("uri=\"/login/bankid/status\"");
    }

    private long pollsCounted() {
        Matcher count = Pattern.compile("(?m)^sus_bankid_polls_seconds_count\\{[^}]*answer=\"status\"[^}]*} (\\S+)$")
                .matcher(browser().get("/actuator/prometheus").body());
        return count.find() ? (long) Double.parseDouble(count.group(1)) : 0;
    }

    @Test
    void statusWhenTokenIsAnotherBrowsersThenTellsThatLoginsStateButCompletingNeedsTheSessionThatStartedIt() {
        Person person = personWithAccess();
        WebClient owner = browser();
        String ownersPoll = BankIdTester.pollUrl(bankId.startOnOtherDevice(owner));
        WebClient other = browser();
        String othersPoll = BankIdTester.pollUrl(bankId.startOnOtherDevice(other));
        bankId.inApp(bankId.openInApp(bankId.scanQr(owner), person.personnummer().value()), "identify");
        clock.advance(COLLECT_INTERVAL);

        assertThat(other.get(ownersPoll).body()).contains("\"state\":\"complete\"", "\"next\":\"/login/bankid/vantar\"");
        assertThat(other.get(othersPoll).body()).contains("\"state\":\"pending\"");
        assertThat(other.get("/login/bankid/vantar").text()).doesNotContain("Test Person");
        assertThat(other.get("/sus").status()).isEqualTo(302);

        assertThat(owner.get("/login/bankid/vantar").redirectsTo("/sus")).isTrue();
        assertThat(owner.get("/sus").text()).contains("Välkommen, Test Person");
    }

    @Test
    void statusWhenTheBrowserChoseEnglishThenBankIdsEnglishMessage() {
        WebClient browser = browser();
        browser.get("/login/bankid?lang=en");
        String poll = BankIdTester.pollUrl(bankId.startOnOtherDevice(browser));

        assertThat(browser.get(poll).body()).contains("Start your BankID app.");
    }

    @Test
    void pollTokenWhenStoredThenOnlyItsHash() {
        WebClient.Page waiting = bankId.startOnOtherDevice(browser());
        String token = BankIdTester.pollUrl(waiting).substring(BankIdTester.pollUrl(waiting).indexOf("t=") + 2);

        assertThat(token).matches("[A-Za-z0-9_-]{22}");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM bankid_login WHERE poll_token_hash = :h")
                .param("h", BankIdPolls.hash(token)).query(Long.class).single()).isEqualTo(1L);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM bankid_login WHERE poll_token_hash = :t OR id = :t")
                .param("t", token).query(Long.class).single()).isZero();
    }

    @Test
    void statusWhenACollectFailsInTransitThenTheLoginWaitsAndTheNextCollectAsksAgain() {
        Person person = personWithAccess();
        WebClient browser = browser();
        bankId.startOnOtherDevice(browser);
        WebClient.Page opened = bankId.openInApp(bankId.scanQr(browser), person.personnummer().value());
        bankId.setScenarios(false, 100, 0);

        WebClient.Page waiting = pollAfterInterval(browser);

        assertThat(waiting.status()).isEqualTo(200);
        assertThat(waiting.text()).contains("Avbryt");
        bankId.setScenarios(false, 0, 0);
        bankId.inApp(opened, "identify");
        assertThat(pollAfterInterval(browser).redirectsTo("/sus")).isTrue();
    }

    @Test
    void collectClaimWhenTheLoginIsPendingThenKeptAndWhenItEndsThenGone() {
        WebClient browser = browser();
        bankId.startOnOtherDevice(browser);
        String qrStartToken = bankId.scanQr(browser).split("\\.")[1];
        String loginId = jdbc.sql("SELECT id FROM bankid_login WHERE qr_start_token = :t")
                .param("t", qrStartToken).query(String.class).single();
        assertThat(jdbc.sql("SELECT last_collect_at FROM bankid_collect WHERE login_id = :id").param("id", loginId)
                .query(java.time.OffsetDateTime.class).optional()).as("claimed by the waiting page's collect").isPresent();

        browser.post("/login/bankid/avbryt");

        assertThat(jdbc.sql("SELECT COUNT(*) FROM bankid_collect WHERE login_id = :id").param("id", loginId)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM bankid_collect c JOIN bankid_login l ON l.id = c.login_id
                WHERE l.status <> 'PENDING'""").query(Long.class).single()).as("claims of ended logins").isZero();
    }

    @Test
    void statusWhenUserCancelsInTheAppThenBid001WithBankIdsMessage() {
        WebClient.Page page = waitingPageAfterTheAppDoes("cancel");

        assertThat(page.status()).isEqualTo(401);
        assertThat(page.text()).contains("Åtgärden avbröts.", "BID-001", "Försök igen");
        assertThat(page.body()).contains("/support/vanliga-felmeddelanden/bankid#BID-001");
    }

    @Test
    void statusWhenCertificateIsBlockedThenBid003WithRfa16() {
        WebClient.Page page = waitingPageAfterTheAppDoes("certificateErr");

        assertThat(page.status()).isEqualTo(401);
        assertThat(page.text()).contains("Ditt BankID är för gammalt eller spärrat.", "BID-003");
    }

    @Test
    void statusWhenOrderExpiresInTheAppThenBid002WithRfa8() {
        WebClient.Page page = waitingPageAfterTheAppDoes("expire");

        assertThat(page.status()).isEqualTo(401);
        assertThat(page.text()).contains("BankID-appen svarar inte.", "BID-002");
    }

    @Test
    void statusWhenQrIsNotScannedInTimeThenANewOrderIsMadeSilently() {
        WebClient browser = browser();
        bankId.startOnOtherDevice(browser);
        String firstToken = bankId.scanQr(browser).split("\\.")[1];

        clock.advance(Duration.ofSeconds(31));
        WebClient.Page page = browser.get("/login/bankid/vantar");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("Starta BankID-appen.");
        String secondToken = bankId.scanQr(browser).split("\\.")[1];
        assertThat(secondToken).isNotEqualTo(firstToken);
        assertThat(bankId.scanQr(browser)).startsWith("bankid." + secondToken + ".0.");
    }

    @Test
    void statusWhenTheAppDoesNotStartAfterTheRestartWindowThenBid004WithRfa17b() {
        WebClient browser = browser();
        String poll = BankIdTester.pollUrl(bankId.startOnOtherDevice(browser));
        for (int i = 0; i < 6; i++) {
            clock.advance(Duration.ofSeconds(31));
            browser.get(poll);
        }

        WebClient.Page page = pollAfterInterval(browser);

        assertThat(page.status()).isEqualTo(401);
        assertThat(page.text()).contains("BID-004", "Misslyckades att läsa av QR-koden.");
    }

    @Test
    void cancelWhenAvbrytIsChosenThenTheOrderIsCancelledAtBankId() {
        WebClient browser = browser();
        bankId.startOnOtherDevice(browser);
        String code = bankId.scanQr(browser);

        WebClient.Page cancelled = browser.post("/login/bankid/avbryt");

        assertThat(cancelled.redirectsTo("/login/bankid?avbruten")).isTrue();
        assertThat(browser.get("/login/bankid?avbruten").text()).contains("Åtgärden avbröts.");
        assertThat(bankId.openInApp(code, TestRegistry.uniquePersonnummer().value()).text())
                .contains("Beställningen är redan öppnad eller avslutad.");
    }

    @Test
    void loginWhenSamePersonStartsASecondLoginElsewhereThenTheFirstEndsWithBid005() {
        Person person = personWithAccess();
        WebClient first = browser();
        WebClient second = browser();
        bankId.startOnOtherDevice(first);
        bankId.startOnOtherDevice(second);
        bankId.openInApp(bankId.scanQr(first), person.personnummer().value());

        bankId.openInApp(bankId.scanQr(second), person.personnummer().value());

        WebClient.Page page = pollAfterInterval(first);
        assertThat(page.status()).isEqualTo(409);
        assertThat(page.text()).contains("BID-005", "Åtgärden avbröts. Försök igen.");
    }

    @Test
    void startWhenBankIdAnswersAlreadyInProgressThenBid007WithRfa4() {
        bankId.setScenarios(true, 0, 0);
        WebClient browser = browser();
        browser.get("/login/bankid");

        WebClient.Page page = browser.post("/login/bankid/start", "enhet", "annan");

        assertThat(page.status()).isEqualTo(409);
        assertThat(page.text()).contains("BID-007",
                "En identifiering eller underskrift pågår redan för ditt personnummer. Försök igen.");
    }

    @Test
    void startWhenBankIdIsInMaintenanceBeyondTheRetriesThenBid008WithStatus503() {
        bankId.setScenarios(false, 3, 0);
        WebClient browser = browser();
        browser.get("/login/bankid");

        WebClient.Page page = browser.post("/login/bankid/start", "enhet", "annan");

        assertThat(page.status()).isEqualTo(503);
        assertThat(page.text()).contains("BID-008", "Något gick fel. Försök igen.");
    }

    @Test
    void startWhenMaintenanceIsShortThenRetriedUnseenAndTheLoginStarts() {
        bankId.setScenarios(false, 2, 0);
        WebClient browser = browser();
        browser.get("/login/bankid");

        assertThat(browser.post("/login/bankid/start", "enhet", "annan").redirectsTo("/login/bankid/vantar")).isTrue();
    }

    @Test
    void waitingWhenNoLoginIsInProgressThenBid010WithStatus409() {
        WebClient.Page page = browser().get("/login/bankid/vantar");

        assertThat(page.status()).isEqualTo(409);
        assertThat(page.text()).contains("BID-010", "Ingen inloggning med BankID pågår. Börja om.");
    }

    @Test
    void loginWhenOlderThanAnHourThenForgottenWhenAnotherLoginStarts() {
        WebClient old = browser();
        bankId.startOnOtherDevice(old);
        clock.advance(Duration.ofMinutes(61));

        bankId.startOnOtherDevice(browser());

        WebClient.Page page = old.get("/login/bankid/vantar");
        assertThat(page.status()).isEqualTo(409);
        assertThat(page.text()).contains("BID-010");
    }

    @Test
    void catalogueWhenOpenedThenListsEveryBankIdCodeWithCauseAndRemedy() {
        WebClient.Page page = browser().get("/support/vanliga-felmeddelanden/bankid");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("Vanliga felmeddelanden (BankID och e-legitimation)");
        for (int i = 1; i <= 12; i++) {
            assertThat(page.body()).contains("id=\"BID-%03d\"".formatted(i));
        }
    }

    /** A phone's browser: a mobile User-Agent, cookies, and the CSRF token of the last page. */
    private final class MobileBrowser {

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private String csrf;

        HttpResponse<String> get(String path) throws Exception {
            return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET());
        }

        HttpResponse<String> post(String path, String... fields) throws Exception {
            Set<String> form = new LinkedHashSet<>();
            form.add("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
            for (int i = 0; i < fields.length; i += 2) {
                form.add(fields[i] + "=" + URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
            }
            return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(String.join("&", form))));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            HttpResponse<String> response = http.send(request.header("User-Agent",
                    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148").build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(response.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return response;
        }
    }

    @Test
    void eidTestWhenBankIdWorksThenShowsWhatWasReceivedAndAccessWithoutStartingASession() {
        Person person = personWithAccess();
        WebClient browser = browser();
        WebClient.Page offer = browser.get("/testa-e-legitimation");
        assertThat(offer.body()).contains("href=\"/login/bankid?test=1\"");
        assertThat(browser.get("/login/bankid?test=1").text()).contains("Det här är ett test av din e-legitimation");
        WebClient.Page started = browser.post("/login/bankid/start", "enhet", "annan");
        assertThat(started.redirectsTo("/login/bankid/vantar")).isTrue();
        bankId.waitingPage(browser);
        bankId.inApp(bankId.openInApp(bankId.scanQr(browser), person.personnummer().value()), "identify");

        WebClient.Page result = pollAfterInterval(browser);
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.text()).contains("Din e-legitimation fungerar", "Test Person", person.personnummer().masked(),
                "Mobilt BankID", "Du har en gällande behörighet till SUS", "Du är inte inloggad i SUS efter testet")
                .doesNotContain(person.personnummer().value());
        assertThat(browser.get("/sus").redirectsTo("/login")).as("no session").isTrue();
    }

    @Test
    void eidTestWhenPersonHasNoAccessThenSaysSoAndAnOrdinaryLoginAfterwardsIsNotATest() {
        WebClient browser = browser();
        browser.get("/login/bankid?test=1");
        browser.post("/login/bankid/start", "enhet", "annan");
        bankId.waitingPage(browser);
        String nobody = se.susam.inloggning.testsupport.TestRegistry.uniquePersonnummer().value();
        bankId.inApp(bankId.openInApp(bankId.scanQr(browser), nobody), "identify");
        assertThat(pollAfterInterval(browser).text()).contains("Din e-legitimation fungerar", "ACC-001");

        Person person = personWithAccess();
        clock.advance(Duration.ofMinutes(1));
        bankId.startOnOtherDevice(browser);
        bankId.inApp(bankId.openInApp(bankId.scanQr(browser), person.personnummer().value()), "identify");
        assertThat(pollAfterInterval(browser).redirectsTo("/sus")).isTrue();
    }
}
