package se.susam.inloggning.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import se.susam.inloggning.access.AccessStatus;
import se.susam.inloggning.testsupport.TestRegistry;

/**
 * WCAG 2.1 AA (axe-core, in Chromium) on every page a user can meet on the way into SUS, in each
 * state it can be in: empty, with each kind of error, opened details, logged in.
 */
@BrowserTest
class AccessibilityTest {

    @Autowired
    TestRegistry registry;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /                                    | SUS – uppföljning av samverkan
            /?lang=en                            | SUS – follow-up of collaboration
            /login                               | Logga in i SUS
            /behorigheter                        | Behörigheter
            /support                             | Support inloggning till SUS
            /support?lang=en                     | Support for logging in to SUS
            /tillganglighet                      | Tillgänglighetsredogörelse
            /testa-e-legitimation                | Testa din e-legitimation
            /driftinformation                    | Driftinformation
            /support/vanliga-felmeddelanden/sms  | Vanliga felmeddelanden (SMS-inloggning)
            /login/sms                           | SMS-inloggning
            /login/bankid                        | Logga in med BankID
            /login/bankid?lang=en                | Log in with BankID
            /login/sms?lang=en                   | SMS login
            /login/finns-inte                    | Något gick fel
            /support/vanliga-felmeddelanden/x    | Något gick fel
            """)
    void publicPageWhenOpenedThenHasNoWcag21AaViolations(String path, String heading, Browser browser) {
        browser.open(path);

        assertThat(browser.heading()).isEqualTo(heading);
        Axe.assertNoViolations(browser);
    }

    @Test
    void checkWhenAFieldHasNoLabelThenFailsNamingTheRuleAndTheElement(Browser browser) {
        browser.open("/login/sms");
        browser.script("document.querySelector('main').insertAdjacentHTML('beforeend', '<input id=unlabelled>')");

        assertThatThrownBy(() -> Axe.assertNoViolations(browser)).hasMessageContaining("- label (critical)")
                .hasMessageContaining("#unlabelled");
    }

    @Test
    void smsStep1WhenFieldsAreEmptyThenErrorSummaryHasNoWcagViolations(Browser browser) {
        browser.open("/login/sms").clickButton("Logga in");

        assertThat(browser.text()).contains("Det finns ett problem", "Ange ditt personnummer.");
        browser.screenshot("sms-step1-error-empty");
        Axe.assertNoViolations(browser);
    }

    @Test
    void smsStep1WhenPersonnummerIsInvalidThenErrorHasNoWcagViolations(Browser browser) {
        browser.open("/login/sms").fill("Personnummer", "198001149826").fill("Lösenord", "Kaxe4Rpt")
                .clickButton("Logga in");

        assertThat(browser.text()).contains("Personnumret är inte giltigt. Kontrollera att du skrivit rätt.",
                "PNR-004");
        browser.screenshot("sms-step1-error-personnummer");
        Axe.assertNoViolations(browser);
    }

    @Test
    void smsStep1WhenPasswordIsWrongThenErrorHasNoWcagViolations(Browser browser) {
        TestRegistry.SmsUser user = registry.smsUser("Kaxe4Rpt");

        browser.open("/login/sms").fill("Personnummer", user.personnummer()).fill("Lösenord", "Fel4Lsen")
                .clickButton("Logga in");

        assertThat(browser.text()).contains("Fel personnummer eller lösenord.", "SMS-003");
        browser.screenshot("sms-step1-error-password");
        Axe.assertNoViolations(browser);
    }

    @Test
    void smsStep1InEnglishWhenFieldsAreEmptyThenErrorHasNoWcagViolations(Browser browser) {
        browser.open("/login/sms?lang=en").clickButton("Log in");

        assertThat(browser.language()).isEqualTo("en");
        assertThat(browser.text()).contains("PNR-001");
        Axe.assertNoViolations(browser);
    }

    @Test
    void step1WithErrorInEnglishWhenReadByAScreenReaderThenTitleLandmarksAndHiddenTextAreEnglish(Browser browser) {
        browser.open("/login/sms?lang=en").clickButton("Log in");

        assertThat(browser.title()).isEqualTo("Error: SMS login");
        assertThat(browser.<String>script("return document.getElementById('personnummer-error').textContent"))
                .containsPattern("^\\s*Error: ");
        assertThat(browser.element("header nav").getAccessibleName()).isEqualTo("Account");
        assertThat(browser.element("footer nav").getAccessibleName()).isEqualTo("Support");
        assertThat(browser.element("a.logo").getAccessibleName())
                .isEqualTo("Susam follow-up and collaboration – home page");
    }

    @Test
    void logoLinkWhenReadByAScreenReaderThenItsNameStartsWithTheVisibleText(Browser browser) {
        browser.open("/");
        WebElement logo = browser.element("a.logo");

        assertThat(logo.getAccessibleName()).isEqualTo("Susam uppföljning och samverkan – startsida")
                .startsWith(logo.getText().replace('\n', ' '));
    }

    @Test
    void codePageWithFickDuInteSmsOpenedHasNoWcagViolations(Browser browser) {
        browser.startSmsLogin(registry.smsUser("Kaxe4Rpt"));
        browser.element("summary").click();

        assertThat(browser.button("Skicka nytt engångslösen").isDisplayed()).isTrue();
        browser.screenshot("sms-step2-code");
        Axe.assertNoViolations(browser);
    }

    @Test
    void codePageWhenCodeIsWrongThenErrorHasNoWcagViolations(Browser browser) {
        TestRegistry.SmsUser user = registry.smsUser("Kaxe4Rpt");
        browser.startSmsLogin(user);
        String wrong = browser.codeSentTo(user.mobile()).equals("000000") ? "111111" : "000000";

        browser.fill("Skriv in ditt engångslösen", wrong).clickButton("Bekräfta engångslösen");

        assertThat(browser.text()).contains("Fel engångslösen. Du har 2 försök kvar.", "SMS-008");
        browser.screenshot("sms-step2-error-wrong-code");
        Axe.assertNoViolations(browser);
    }

    @Test
    void noAccessPageHasNoWcagViolations(Browser browser) {
        TestRegistry.SmsUser expired = registry.smsUser("Pw8rVhc6", AccessStatus.ACTIVE,
                LocalDate.now().minusYears(1), LocalDate.now().minusMonths(1));

        browser.loginWithSms(expired);

        assertThat(browser.heading()).isEqualTo("Du saknar behörighet till SUS");
        browser.screenshot("no-access");
        Axe.assertNoViolations(browser);
    }

    @Test
    void susStartPageWhenLoggedInHasNoWcagViolations(Browser browser) {
        browser.loginWithSms(registry.smsUser("Kaxe4Rpt")).waitForPath("/sus");

        assertThat(browser.heading()).isEqualTo("Välkommen, Test Person");
        Axe.assertNoViolations(browser);
    }

    @Test
    void smsOutboxPageWithMessagesHasNoWcagViolations(Browser browser) {
        TestRegistry.SmsUser user = registry.smsUser("Kaxe4Rpt");
        browser.startSmsLogin(user);

        browser.open("/dev/sms");

        assertThat(browser.text()).contains("Your OTP: " + browser.codeSentTo(user.mobile()));
        Axe.assertNoViolations(browser);
    }

    @Test
    void bankIdQrWaitingPageHasNoWcagViolations(Browser browser) {
        browser.open("/login/bankid").clickButton("Mobilt BankID").waitForPath(BankIdInBrowser.WAITING);

        assertThat(browser.element("#bankid-qr").isDisplayed()).isTrue();
        Axe.assertNoViolations(browser);
    }

    @Test
    void bankIdSameDeviceWaitingPageHasNoWcagViolations(Browser browser) {
        browser.open("/login/bankid").clickButton("BankID på den här datorn").waitForPath(BankIdInBrowser.WAITING);

        assertThat(browser.link("Starta BankID-appen").isDisplayed()).isTrue();
        Axe.assertNoViolations(browser);
    }

    @Test
    void bankIdFailedPageHasNoWcagViolations(Browser browser) {
        browser.open("/login/bankid").clickButton("Mobilt BankID").waitForPath(BankIdInBrowser.WAITING);
        browser.clickButton("Avbryt").waitForPath("/login/bankid");
        browser.open(BankIdInBrowser.WAITING);

        assertThat(browser.text()).contains("BID-010", "Försök igen");
        browser.screenshot("bankid-failed");
        Axe.assertNoViolations(browser);
    }

    @Test
    void bankIdDeviceQuestionAfterAvbrytHasNoWcagViolations(Browser browser) {
        browser.open("/login/bankid").clickButton("Mobilt BankID").waitForPath(BankIdInBrowser.WAITING);
        browser.clickButton("Avbryt").waitForPath("/login/bankid");

        assertThat(browser.text()).contains("Åtgärden avbröts.");
        Axe.assertNoViolations(browser);
    }

    @Test
    void driftinformationWithACurrentDisruptionHasNoWcagViolationsAndShowsTheBanner(Browser browser) {
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO service_notice (title, body, kind, affected, sus_unavailable, starts_at, ends_at,
                                            created_by, created_at)
                VALUES ('BankID-inloggning fungerar inte just nu', 'Vi felsöker. Logga in med SMS eller tjänstekort.',
                        'DRIFTSTORNING', 'BANKID', FALSE, :start, :end, 'test', :start)""")
                .param("start", now.minusMinutes(1)).param("end", now.plusSeconds(8)).update();

        browser.open("/driftinformation");
        assertThat(browser.heading()).isEqualTo("Driftinformation");
        browser.screenshot("driftinformation");
        Axe.assertNoViolations(browser);

        browser.open("/login");
        browser.screenshot("login-chooser-with-banner");
        Axe.assertNoViolations(browser);
    }
}
