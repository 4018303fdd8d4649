package se.susam.inloggning.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import se.susam.inloggning.access.AccessStatus;
import se.susam.inloggning.access.Organisation;
import se.susam.inloggning.access.Person;
import se.susam.inloggning.access.Role;
import se.susam.inloggning.testsupport.TestRegistry;

/** SMS-inloggning in Chromium, clicked through as the support page describes it. */
@BrowserTest
class SmsLoginInBrowserTest {

    @Autowired
    TestRegistry registry;

    @Test
    void smsLoginWhenPasswordAndCodeAreRightThenSusShowsNameOrganisationRolesAndLogoutEndsTheSession(Browser browser) {
        Organisation organisation = registry.organisation();
        TestRegistry.SmsUser user = smsUser("Anna", "Lindqvist", organisation,
                Set.of(Role.SAMVERKANSADMINISTRATOR, Role.INSATSANSVARIG));

        browser.open("/");
        browser.screenshot("start");
        WebElement login = browser.link("Logga in i SUS");
        assertThat(browser.<Boolean>script("return arguments[0].closest('header') !== null", login)).isTrue();
        assertThat(login.getRect().getX()).as("x of Logga in i SUS").isGreaterThan(Chromium.WIDTH / 2);
        login.click();

        assertThat(browser.path()).isEqualTo("/login");
        assertThat(browser.heading()).isEqualTo("Logga in i SUS");
        browser.screenshot("login-chooser");
        browser.clickLink("SMS-inloggning");

        assertThat(browser.path()).isEqualTo("/login/sms");
        browser.fill("Personnummer", user.personnummer()).fill("Lösenord", user.masterPassword());
        browser.screenshot("sms-step1");
        browser.clickButton("Logga in").waitForPath("/login/sms/kod");

        assertThat(browser.heading()).isEqualTo("Skriv in ditt engångslösen");
        assertThat(browser.text()).contains("Fick du inget SMS?");
        browser.screenshot("sms-step2");
        browser.fill("Skriv in ditt engångslösen", browser.codeSentTo(user.mobile()));
        browser.clickButton("Bekräfta engångslösen").waitForPath("/sus");

        assertThat(browser.heading()).isEqualTo("Välkommen, Anna Lindqvist");
        assertThat(browser.text()).contains("Inloggad med: SMS-inloggning",
                organisation.name() + " Samverkansadministratör, Insatsansvarig");
        browser.screenshot("sus-start");
        browser.clickButton("Logga ut").waitForPath("/");

        assertThat(browser.text()).contains("Du är utloggad.").contains("Logga in i SUS").doesNotContain("Logga ut");
        browser.open("/sus");
        assertThat(browser.path()).isEqualTo("/login");
    }

    @ParameterizedTest(name = "{3}")
    @CsvSource(delimiter = '|', textBlock = """
            ACTIVE    | -12 | -1 | ACC-002 | Du saknar behörighet till SUS. Din behörighet har gått ut.
            WITHDRAWN | -12 | 12 | ACC-003 | Du saknar behörighet till SUS. Din behörighet har återkallats.
            """)
    void smsLoginWhenAccessIsNotValidThenNoAccessPageShowsWhyWithTheCodeAndLinksToBehorigheter(
            AccessStatus status, int fromMonths, int toMonths, String code, String message, Browser browser) {
        TestRegistry.SmsUser user = registry.smsUser("Pw8rVhc6", status, LocalDate.now().plusMonths(fromMonths),
                LocalDate.now().plusMonths(toMonths));

        browser.loginWithSms(user);

        assertThat(browser.heading()).isEqualTo("Du saknar behörighet till SUS");
        assertThat(browser.text()).contains(message, "Felkod: " + code, "Inloggad som Test Person");
        assertThat(browser.link("Läs mer om felet").getDomProperty("href"))
                .endsWith("/support/vanliga-felmeddelanden/sms#" + code);
        browser.clickLink("Behörighet till SUS beställs av din arbetsgivare. Läs om hur du får en SUS-behörighet.");
        assertThat(browser.path()).isEqualTo("/behorigheter");
        assertThat(browser.heading()).isEqualTo("Behörigheter");
        browser.open("/sus");
        assertThat(browser.path()).isEqualTo("/login");
    }

    private TestRegistry.SmsUser smsUser(String givenName, String familyName, Organisation organisation,
                                         Set<Role> roles) {
        Person person = registry.person(givenName, familyName);
        var mobile = TestRegistry.uniqueMobile();
        registry.registry().addGrant(person.id(), organisation, roles, LocalDate.now().minusDays(10),
                LocalDate.now().plusYears(1), AccessStatus.ACTIVE, Optional.of(mobile));
        registry.masterPasswords().set(person.id(), "Kaxe4Rpt");
        return new TestRegistry.SmsUser(person, mobile, "Kaxe4Rpt");
    }
}
