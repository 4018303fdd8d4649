package se.susam.inloggning.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import se.susam.inloggning.testsupport.TestRegistry;

/**
 * BankID login in Chromium from the start page to SUS, with the demo simulator as the BankID app
 * and the demo persons of the README: Anna (access to SUS), Fredrik (no access), Cecilia Ek
 * (access, and Kundcenter staff).
 */
@BrowserTest
class BankIdLoginInBrowserTest {

    static final String ANNA = BankIdInBrowser.ANNA;
    static final String FREDRIK = BankIdInBrowser.FREDRIK;
    static final String CECILIA = BankIdInBrowser.CECILIA;

    @Autowired
    TestRegistry registry;

    @BeforeEach
    void demoPersons() {
        BankIdInBrowser.addDemoPersons(registry);
    }

    private static void startOnOtherDevice(Browser browser) {
        browser.open("/");
        browser.clickLink("Logga in i SUS").waitForPath("/login");
        browser.clickLink("BankID").waitForPath("/login/bankid");
        assertThat(browser.text()).contains("Vill du använda BankID på den här datorn eller ett Mobilt BankID?");
        browser.clickButton("Mobilt BankID").waitForPath(BankIdInBrowser.WAITING);
    }

    @Test
    void qrLoginWhenAnnaScansTheCodeWithTheAppInAnotherTabThenTheWaitingPageMovesOnToSusByItself(Browser browser) {
        startOnOtherDevice(browser);
        assertThat(browser.text()).contains("Starta BankID-appen.", "tryck på QR-ikonen");
        browser.screenshot("bankid-qr");
        String qr = BankIdInBrowser.scanQr(browser);
        assertThat(qr).matches("bankid\\.[0-9a-f-]{36}\\.\\d+\\.[0-9a-f]{64}");

        String waiting = browser.openNewTab();
        browser.open("/dev/bankid/app").fill("QR-kod eller autostartlänk", qr);
        BankIdInBrowser.identifyInApp(browser, ANNA);
        assertThat(browser.text()).contains("Klart. Gå tillbaka till webbläsaren.");
        browser.closeTabAndReturnTo(waiting);

        browser.waitForPath("/sus");
        assertThat(browser.heading()).isEqualTo("Välkommen, Anna Lindqvist");
        assertThat(browser.text()).contains("Inloggad med: Mobilt BankID");
    }

    @Test
    void sameDeviceLoginWhenTheAutostartLinkIsFollowedThenTheAppOpensAndTheLoginLandsInSus(Browser browser) {
        browser.open("/login").clickLink("BankID");
        browser.clickButton("BankID på den här datorn").waitForPath(BankIdInBrowser.WAITING);
        assertThat(browser.text()).contains("Försöker starta BankID-appen.");

        browser.clickLink("Starta BankID-appen").waitForPath("/dev/bankid/app");
        assertThat(browser.field("QR-kod eller autostartlänk").getDomProperty("value")).isNotBlank();
        BankIdInBrowser.identifyInApp(browser, ANNA);
        assertThat(browser.text()).contains("Klart. Gå tillbaka till webbläsaren.");
        browser.open(BankIdInBrowser.WAITING);

        browser.waitForPath("/sus");
        assertThat(browser.heading()).isEqualTo("Välkommen, Anna Lindqvist");
        assertThat(browser.text()).contains("Inloggad med: BankID");
    }

    @Test
    void sameDeviceLoginOnAPhoneWhenTheAppReturnsToReturnUrlWithItsNonceThenLandsInSus(Browser browser) {
        browser.withPhoneUserAgent().open("/login/bankid");
        assertThat(browser.text()).contains("Vill du använda BankID på den här enheten eller på en annan enhet?");
        browser.clickButton("På den här enheten").waitForPath(BankIdInBrowser.WAITING);

        browser.clickLink("Starta BankID-appen").waitForPath("/dev/bankid/app");
        BankIdInBrowser.identifyInApp(browser, ANNA);

        browser.waitForPath("/sus");
        assertThat(browser.heading()).isEqualTo("Välkommen, Anna Lindqvist");
        assertThat(browser.text()).contains("Inloggad med: Mobilt BankID");
    }

    @Test
    void loginWhenThePersonHasNoAccessThenDuSaknarBehorighet(Browser browser) {
        BankIdInBrowser.logIn(browser, FREDRIK);

        assertThat(browser.heading()).isEqualTo("Du saknar behörighet till SUS");
        assertThat(browser.text()).contains("ACC-001", "Fredrik Ahl");
        browser.screenshot("bankid-no-access");
        browser.open("/sus");
        assertThat(browser.path()).isEqualTo("/login");
    }

    @Test
    void helperWhenStaffAskedForTheConsoleThenCeciliaLandsOnTheConsole(Browser browser) {
        browser.open("/console").waitForPath("/login");

        BankIdInBrowser.logIn(browser, CECILIA);

        assertThat(browser.path()).isEqualTo("/console");
        assertThat(browser.text()).contains("Cecilia Ek");
    }

    @Test
    void helperWhenAnnaLogsInFromTheChooserThenSus(Browser browser) {
        BankIdInBrowser.logIn(browser, ANNA);

        assertThat(browser.path()).isEqualTo("/sus");
    }

    @Test
    void avbrytWhenChosenOnTheWaitingPageThenTheDeviceQuestionAgainSayingItWasCancelled(Browser browser) {
        startOnOtherDevice(browser);

        browser.clickButton("Avbryt").waitForPath("/login/bankid");

        assertThat(browser.text()).contains("Åtgärden avbröts.",
                "Vill du använda BankID på den här datorn eller ett Mobilt BankID?");
        assertThat(browser.button("Mobilt BankID").isDisplayed()).isTrue();
    }

    @Test
    void avbrytWhenChosenInTheAppThenTheWaitingPageShowsBankIdsMessageAndTryAgain(Browser browser) {
        startOnOtherDevice(browser);
        String qr = BankIdInBrowser.scanQr(browser);
        String waiting = browser.openNewTab();
        browser.open("/dev/bankid/app").fill("QR-kod eller autostartlänk", qr);
        browser.driver().findElement(By.cssSelector("input[name=person][value='" + ANNA + "']")).click();
        browser.clickButton("Öppna").clickButton("Avbryt");
        browser.closeTabAndReturnTo(waiting);

        browser.waitUntilNo(BankIdInBrowser.STILL_WAITING);

        assertThat(browser.text()).contains("Åtgärden avbröts.", "BID-001");
        browser.clickLink("Försök igen").waitForPath("/login/bankid");
    }

    @Test
    void sameDeviceLoginWithoutJavaScriptWhenTheAppIdentifiesThenTheWaitingPageRefreshesItselfIntoSus(
            Browser browser) {
        browser.withoutJavaScript().open("/login/bankid");
        browser.clickButton("BankID på den här datorn").waitForPath(BankIdInBrowser.WAITING);
        assertThat(browser.<Long>script("return document.querySelectorAll('meta[http-equiv=refresh]').length"))
                .as("the noscript meta refresh is in effect").isEqualTo(1L);
        String autostart = browser.link("Starta BankID-appen").getDomAttribute("href");

        String waiting = browser.openNewTab();
        browser.open(autostart);
        BankIdInBrowser.identifyInApp(browser, ANNA);
        browser.closeTabAndReturnTo(waiting);

        browser.waitForPath("/sus");
        assertThat(browser.heading()).isEqualTo("Välkommen, Anna Lindqvist");
    }

    @Test
    void qrPageWithoutJavaScriptWhenPendingThenRefreshesItselfWithAFreshQrCode(Browser browser) {
        browser.withoutJavaScript();
        startOnOtherDevice(browser);
        String first = BankIdInBrowser.scanQr(browser);

        String next = new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).ignoring(RuntimeException.class)
                .ignoring(AssertionError.class)
                .until(d -> Optional.of(BankIdInBrowser.scanQr(browser)).filter(qr -> !qr.equals(first)).orElse(null));

        assertThat(browser.path()).isEqualTo(BankIdInBrowser.WAITING);
        assertThat(next.split("\\.")[1]).as("same order, the code of a later second").isEqualTo(first.split("\\.")[1]);
    }
}
