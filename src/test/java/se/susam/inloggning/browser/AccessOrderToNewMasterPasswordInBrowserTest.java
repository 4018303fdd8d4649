package se.susam.inloggning.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.susam.inloggning.access.Organisation;
import se.susam.inloggning.access.Person;
import se.susam.inloggning.access.StaffRole;
import se.susam.inloggning.identity.Personnummer;
import se.susam.inloggning.identity.PhoneNumber;
import se.susam.inloggning.testsupport.TestRegistry;
import se.susam.inloggning.testsupport.WebClient;

/**
 * Issue 6's "done means", clicked through in Chromium: a beställare orders access with SMS login,
 * a behörighetsadministratör approves it, the user gets the master password by SMS and logs in;
 * the user loses it, Kundcenter checks the caller's identity and sends a new one as a flash SMS;
 * the old password fails, the new one works, and the audit trail shows all of it. Staff log in
 * with BankID (the demo simulator as their app), the user with SMS-inloggning.
 */
@BrowserTest
class AccessOrderToNewMasterPasswordInBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestRegistry registry;

    @Test
    void orderApproveLogInLosePasswordKundcenterSendsFlashSmsThenOnlyTheNewPasswordWorks(Browser browser) {
        Organisation kommun = registry.organisation();
        Person orderer = staff("Maja", "Beställare", StaffRole.BESTALLARE, Optional.of(kommun));
        Person administrator = staff("Adam", "Administratör", StaffRole.BEHORIGHETSADMINISTRATOR, Optional.empty());
        Person kundcenter = staff("Klara", "Kundcenter", StaffRole.KUNDCENTER, Optional.empty());
        Personnummer personnummer = TestRegistry.uniquePersonnummer();
        PhoneNumber mobile = TestRegistry.uniqueMobile();
        WebClient phone = new WebClient("http://localhost:" + port);

        // The beställare fills in blankett 9445.
        BankIdInBrowser.logIn(browser, orderer).waitForPath("/console");
        browser.clickLink("Beställningar (blankett 9445)").clickLink("Ny beställning");
        assertThat(browser.heading()).isEqualTo("Beställning användare i SUS");
        browser.fill("Personnummer", personnummer.value()).fill("Förnamn", "Ulla").fill("Efternamn", "Användare")
                .fill("E-postadress", "ulla.anvandare@kommun.se").fill("Mobilnummer", mobile.e164());
        browser.element("label[for=roller-INSATSANSVARIG]").click();
        browser.element("label[for=metod]").click();
        browser.script("document.getElementById('startdatum').value = arguments[0];"
                        + "document.getElementById('slutdatum').value = arguments[1]",
                LocalDate.now().toString(), LocalDate.now().plusYears(1).toString());
        browser.clickButton("Skicka beställningen");
        assertThat(browser.text()).contains("Beställningen är inskickad och väntar på godkännande.");
        browser.screenshot("done-means-1-order-submitted");
        assertThat(phone.get("/dev/sms/outbox.json?to=" + mobile.e164().replace("+", "%2B")).body())
                .as("nothing is sent before approval").isEqualTo("[]");
        browser.clickButton("Logga ut").waitForPath("/");

        // The administrator approves it; the first master password goes out by SMS.
        BankIdInBrowser.logIn(browser, administrator).waitForPath("/console");
        browser.clickLink("Beställningar (blankett 9445)");
        assertThat(browser.text()).contains("Väntar på godkännande", "Ulla Användare");
        rowLink(browser, "Ulla Användare").click();
        browser.waitForPath(browser.path());
        assertThat(browser.text()).contains("Ulla Användare", "Insatsansvarig");
        browser.clickButton("Godkänn beställningen");
        assertThat(browser.text()).contains("Beställningen är godkänd och behörigheten är registrerad.",
                "Skickat med SMS");
        browser.screenshot("done-means-2-order-approved");
        browser.clickButton("Logga ut").waitForPath("/");
        String firstPassword = phone.latestMasterPasswordSentTo(mobile.e164());

        // The user logs in with SMS-inloggning and the master password from the SMS.
        TestRegistry.SmsUser user = new TestRegistry.SmsUser(
                registry.registry().findPerson(personnummer).orElseThrow(), mobile, firstPassword);
        browser.loginWithSms(user).waitForPath("/sus");
        assertThat(browser.heading()).isEqualTo("Välkommen, Ulla Användare");
        assertThat(browser.text()).contains(kommun.name() + " Insatsansvarig");
        browser.clickButton("Logga ut").waitForPath("/");

        // The user has lost it and calls Kundcenter, who checks the identity and sends a new one.
        BankIdInBrowser.logIn(browser, kundcenter).waitForPath("/console");
        browser.clickLink("Sök person");
        browser.fill("Personnummer", personnummer.value()).clickButton("Sök");
        assertThat(browser.heading()).isEqualTo("Ulla Användare");
        browser.clickLink("Nytt masterlösenord");
        browser.fill("Namnet som uppges", "ulla användare").fill("Personnumret som uppges", personnummer.value())
                .fill("Mobilnumret som uppges", mobile.e164()).fill("E-postadressen som uppges",
                        "Ulla.Anvandare@kommun.se")
                .fill("Organisationen som uppges", kommun.name());
        browser.clickButton("Jämför med registret");
        assertThat(browser.driver().findElements(By.cssSelector("p.match"))).hasSize(5);
        assertThat(browser.driver().findElements(By.cssSelector("p.no-match"))).isEmpty();
        for (String item : new String[] {"namn", "personnummer", "mobil", "epost", "organisation"}) {
            browser.element("label[for=bekraftad-" + item + "]").click();
        }
        browser.screenshot("done-means-3-identity-checked");
        browser.clickButton("Skicka nytt masterlösenord");
        assertThat(browser.text()).contains("Ett nytt masterlösenord har skickats som flash-SMS till");
        String newPassword = phone.latestMasterPasswordSentTo(mobile.e164());
        assertThat(newPassword).isNotEqualTo(firstPassword);
        assertThat(browser.driver().getPageSource()).as("staff never see it").doesNotContain(newPassword);
        assertThat(phone.get("/dev/sms/outbox.json?to=" + mobile.e164().replace("+", "%2B")).body())
                .as("the newest SMS to the registered number is a flash SMS")
                .startsWith("[{\"to\":\"" + mobile.e164() + "\"").contains(newPassword + "\\n")
                .matches("(?s)\\[\\{[^}]*\"flash\":true.*");
        browser.screenshot("done-means-4-flash-sms-sent");
        browser.clickButton("Logga ut").waitForPath("/");

        // The old password no longer works; the new one does.
        browser.open("/login/sms");
        browser.fill("Personnummer", personnummer.value()).fill("Lösenord", firstPassword).clickButton("Logga in");
        assertThat(browser.path()).isEqualTo("/login/sms");
        assertThat(browser.text()).contains("SMS-003");
        browser.screenshot("done-means-5-old-password-refused");
        browser.loginWithSms(new TestRegistry.SmsUser(user.person(), mobile, newPassword)).waitForPath("/sus");
        assertThat(browser.heading()).isEqualTo("Välkommen, Ulla Användare");
        browser.clickButton("Logga ut").waitForPath("/");

        // The audit trail shows every step, with who did it.
        BankIdInBrowser.logIn(browser, kundcenter).waitForPath("/console");
        browser.clickLink("Granskning");
        browser.fill("Gäller personnummer", personnummer.value()).clickButton("Visa");
        String trail = browser.text();
        assertThat(trail).contains("ORDER_SUBMITTED", "ORDER_APPROVED", "FIRST_PASSWORD_SENT", "KC_IDENTITY_CHECK",
                "KC_NEW_MASTER_PASSWORD", "LOGIN_PASSWORD", "Maja Beställare", "Adam Administratör", "Klara Kundcenter");
        assertThat(trail).doesNotContain(firstPassword, newPassword, mobile.e164());
        browser.screenshot("done-means-6-audit-trail");
    }

    private Person staff(String givenName, String familyName, StaffRole role, Optional<Organisation> organisation) {
        Person person = registry.person(givenName, familyName);
        registry.registry().addStaffRole(person.id(), role, organisation);
        return person;
    }

    /** The order number link in the table row that names {@code person}. */
    private static org.openqa.selenium.WebElement rowLink(Browser browser, String person) {
        return browser.driver().findElement(By.xpath("//tr[td[contains(., '" + person + "')]]//a"));
    }
}
