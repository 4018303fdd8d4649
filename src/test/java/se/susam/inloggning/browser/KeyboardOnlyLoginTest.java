package se.susam.inloggning.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.Keys.ARROW_UP;
import static org.openqa.selenium.Keys.ENTER;
import static org.openqa.selenium.Keys.TAB;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import se.susam.inloggning.testsupport.TestRegistry;

/**
 * SMS-inloggning with the keyboard alone (WCAG 2.1: 2.1.1 Keyboard, 2.4.1 Bypass Blocks, 2.4.3
 * Focus Order, 2.4.7 Focus Visible): only Tab, Shift+Tab, Enter and typing into what has focus.
 */
@BrowserTest
class KeyboardOnlyLoginTest {

    @Autowired
    TestRegistry registry;

    @Test
    void smsLoginWhenDoneWithKeyboardOnlyThenLandsInSusWithFocusVisibleAndInOrderAllTheWay(Browser browser) {
        TestRegistry.SmsUser user = registry.smsUser("Kaxe4Rpt");
        browser.open("/");

        tab(browser);
        assertFocusOn(browser, "Till innehållet");
        tab(browser);
        assertThat(browser.focused().getAccessibleName()).isEqualTo("Susam uppföljning och samverkan – startsida");
        assertFocusVisible(browser);
        tab(browser);
        assertFocusOn(browser, "In English");
        tab(browser);
        assertFocusOn(browser, "Logga in i SUS");
        browser.screenshot("keyboard-focus-header");
        browser.pressToLoadNewPage(ENTER).waitForPath("/login");

        skipToContent(browser);
        tab(browser);
        assertThat(browser.focused().getText()).startsWith("SMS-inloggning");
        assertFocusVisible(browser);
        browser.pressToLoadNewPage(ENTER).waitForPath("/login/sms");

        skipToContent(browser);
        tab(browser);
        assertThat(browser.focused().getDomAttribute("id")).isEqualTo("personnummer");
        assertFocusVisible(browser);
        browser.press(user.personnummer());
        tab(browser);
        assertThat(browser.focused().getDomAttribute("id")).isEqualTo("password");
        browser.pressWithShift(TAB);
        assertThat(browser.focused().getDomAttribute("id")).isEqualTo("personnummer");
        assertThat(browser.focused().getDomProperty("value")).isEqualTo(user.personnummer());
        tab(browser);
        browser.press(user.masterPassword());
        tab(browser);
        assertFocusOn(browser, "Logga in");
        browser.pressToLoadNewPage(ENTER).waitForPath("/login/sms/kod");

        skipToContent(browser);
        tab(browser);
        assertThat(browser.focused().getDomAttribute("id")).isEqualTo("code");
        assertFocusVisible(browser);
        browser.screenshot("keyboard-focus-code");
        browser.press(browser.codeSentTo(user.mobile()));
        tab(browser);
        assertFocusOn(browser, "Bekräfta engångslösen");
        browser.pressToLoadNewPage(ENTER).waitForPath("/sus");

        assertThat(browser.heading()).isEqualTo("Välkommen, Test Person");
        tab(browser);
        assertFocusOn(browser, "Till innehållet");
        tab(browser);
        tab(browser);
        tab(browser);
        assertFocusOn(browser, "Logga ut");
        browser.pressToLoadNewPage(ENTER).waitForPath("/");
        assertThat(browser.text()).contains("Du är utloggad.");
    }

    @Test
    void fickDuInteSmsWhenOpenedWithKeyboardThenOffersANewCode(Browser browser) {
        browser.startSmsLogin(registry.smsUser("Kaxe4Rpt"));

        skipToContent(browser);
        tab(browser);
        tab(browser);
        tab(browser);
        assertFocusOn(browser, "Fick du inget SMS?");
        browser.press(ENTER);
        tab(browser);

        assertFocusOn(browser, "Skicka nytt engångslösen");
    }

    @Test
    void errorSummaryLinkWhenFollowedWithKeyboardThenFocusIsInTheFieldToCorrect(Browser browser) {
        browser.open("/login/sms");
        skipToContent(browser);
        tab(browser);
        tab(browser);
        tab(browser);
        assertFocusOn(browser, "Logga in");
        browser.pressToLoadNewPage(ENTER);

        skipToContent(browser);
        tab(browser);
        assertFocusOn(browser, "Ange ditt personnummer.");
        browser.press(ENTER);

        assertThat(browser.focused().getDomAttribute("id")).isEqualTo("personnummer");
    }

    @Test
    void bankIdOnThisComputerWhenDoneWithKeyboardOnlyThenLandsInSusWithFocusVisibleAllTheWay(Browser browser) {
        BankIdInBrowser.addDemoPersons(registry);
        browser.open("/login");

        skipToContent(browser);
        tabTo(browser, "BankID");
        browser.pressToLoadNewPage(ENTER).waitForPath("/login/bankid");
        skipToContent(browser);
        tabTo(browser, "BankID på den här datorn");
        browser.pressToLoadNewPage(ENTER).waitForPath(BankIdInBrowser.WAITING);
        skipToContent(browser);
        tabTo(browser, "Starta BankID-appen");
        browser.pressToLoadNewPage(ENTER).waitForPath("/dev/bankid/app");

        skipToContent(browser);
        tab(browser);
        assertThat(browser.focused().getDomAttribute("id")).isEqualTo("code");
        assertThat(browser.focused().getDomProperty("value")).isNotBlank();
        tab(browser);
        assertThat(browser.focused().getDomAttribute("name")).isEqualTo("person");
        while (!BankIdInBrowser.ANNA.equals(browser.focused().getDomAttribute("value"))) {
            browser.press(ARROW_UP);
        }
        assertThat(browser.focused().isSelected()).isTrue();
        tabTo(browser, "Öppna");
        browser.pressToLoadNewPage(ENTER);
        assertThat(browser.path()).startsWith("/dev/bankid/app/order/");
        tabTo(browser, "Identifiera");
        browser.pressToLoadNewPage(ENTER);
        assertThat(browser.text()).contains("Klart. Gå tillbaka till webbläsaren.");

        browser.open(BankIdInBrowser.WAITING).waitUntilNo(BankIdInBrowser.STILL_WAITING);

        assertThat(browser.heading()).isEqualTo("Välkommen, Anna Lindqvist");
    }

    /**
     * Tabs forward until the element whose text starts with the line {@code text} has focus (at most
     * 40 times), and checks that the focus shows.
     */
    private static void tabTo(Browser browser, String text) {
        for (int i = 0; i < 40 && !text.equals(firstLine(browser.focused().getText())); i++) {
            tab(browser);
        }
        assertThat(firstLine(browser.focused().getText())).as("focused element on %s", browser.url()).isEqualTo(text);
        assertFocusVisible(browser);
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("");
    }

    private static void tab(Browser browser) {
        browser.press(TAB);
    }

    /** The skip link is the first stop on every page, shows when focused, and moves focus to main. */
    private static void skipToContent(Browser browser) {
        tab(browser);
        assertFocusOn(browser, "Till innehållet");
        WebElement skip = browser.focused();
        assertThat(skip.getRect().getX()).as("skip link on screen").isGreaterThanOrEqualTo(0);
        browser.press(ENTER);
        assertThat(browser.focused().getDomAttribute("id")).isEqualTo("main");
    }

    private static void assertFocusOn(Browser browser, String text) {
        assertThat(browser.focused().getText()).as("focused element on %s", browser.url()).isEqualTo(text);
        assertFocusVisible(browser);
    }

    /** A focus indicator at least 2 CSS pixels wide: an outline or a box shadow. */
    private static void assertFocusVisible(Browser browser) {
        Map<String, Object> style = browser.script("""
                const s = getComputedStyle(document.activeElement);
                return {outline: s.outlineStyle === 'none' ? 0 : parseFloat(s.outlineWidth),
                        shadow: s.boxShadow, description: s.outline + ' / ' + s.boxShadow};
                """);
        double outline = ((Number) style.get("outline")).doubleValue();
        assertThat(outline >= 2 || !"none".equals(style.get("shadow")))
                .as("focus indicator of %s on %s: %s", browser.focused().getText(), browser.url(),
                        style.get("description"))
                .isTrue();
    }
}
