package se.susam.inloggning.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import se.susam.inloggning.testsupport.TestRegistry;

/**
 * The pages on a phone: nothing needs sideways scrolling at 320 CSS pixels (WCAG 2.1, 1.4.10
 * Reflow), and screenshots at 375 pixels (a common phone) for people to look at.
 */
@BrowserTest
class SmallScreenTest {

    static final int REFLOW_WIDTH = 320;
    static final int PHONE_WIDTH = 375;

    @Autowired
    TestRegistry registry;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/", "/?lang=en", "/login", "/behorigheter", "/support/vanliga-felmeddelanden/sms",
            "/login/sms"})
    void publicPageWhenShown320PixelsWideThenNeedsNoSidewaysScrolling(String path, Browser browser) {
        browser.asPhone(REFLOW_WIDTH).open(path);

        assertThat(browser.scrollsSideways()).as("%s scrolls sideways at %d px", path, REFLOW_WIDTH).isFalse();
    }

    @Test
    void smsLoginOnAPhoneFitsTheScreenOnEveryPage(Browser browser) {
        TestRegistry.SmsUser user = registry.smsUser("Kaxe4Rpt");

        browser.asPhone(REFLOW_WIDTH).open("/");
        assertFitsAndTakeScreenshot(browser, "phone-start");
        browser.clickLink("Logga in i SUS").clickLink("SMS-inloggning").clickButton("Logga in");
        assertFitsAndTakeScreenshot(browser, "phone-sms-step1-error");
        browser.fill("Personnummer", user.personnummer()).fill("Lösenord", user.masterPassword())
                .clickButton("Logga in").waitForPath("/login/sms/kod");
        assertFitsAndTakeScreenshot(browser, "phone-sms-step2");
        browser.fill("Skriv in ditt engångslösen", browser.codeSentTo(user.mobile()))
                .clickButton("Bekräfta engångslösen").waitForPath("/sus");
        assertFitsAndTakeScreenshot(browser, "phone-sus");
    }

    private static void assertFitsAndTakeScreenshot(Browser browser, String name) {
        browser.asPhone(REFLOW_WIDTH);
        assertThat(browser.scrollsSideways()).as("%s scrolls sideways at %d px", browser.url(), REFLOW_WIDTH).isFalse();
        browser.asPhone(PHONE_WIDTH).screenshot(name);
        browser.asPhone(REFLOW_WIDTH);
    }
}
