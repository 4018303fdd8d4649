package se.susam.inloggning.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.susam.inloggning.access.AccessStatus;
import se.susam.inloggning.access.Organisation;
import se.susam.inloggning.access.Person;
import se.susam.inloggning.access.Role;
import se.susam.inloggning.access.StaffRole;
import se.susam.inloggning.testsupport.TestRegistry;

/**
 * WCAG 2.1 AA (axe-core, in Chromium) on the console's order pages, as a beställare and a
 * behörighetsadministratör logged in with BankID (the simulator's app played over HTTP) see them:
 * empty, with errors, filled in.
 */
@BrowserTest
class OrderPagesAccessibilityTest {

    @Autowired
    TestRegistry registry;

    @Autowired
    JdbcClient jdbc;

    /** BankID on this computer; the tester identifies in the simulator's app as {@code person}. */
    private static void logInWithBankId(Browser browser, Person person) {
        BankIdInBrowser.logIn(browser, person).waitForPath("/console");
    }

    private Person staff(String given, String family, StaffRole role, Organisation organisation) {
        Person person = registry.person(given, family);
        registry.registry().addStaffRole(person.id(), role, Optional.ofNullable(organisation));
        return person;
    }

    @Test
    void ordererPagesWhenEmptyWithErrorsAndSubmittedHaveNoWcagViolations(Browser browser) {
        Organisation organisation = registry.organisation();
        Person holder = registry.person("Hanna", "Hållare");
        registry.registry().addGrant(holder.id(), organisation, Set.of(Role.INSATSANSVARIG), LocalDate.now(),
                LocalDate.now().plusYears(1), AccessStatus.ACTIVE, Optional.empty());
        logInWithBankId(browser, staff("Beata", "Beställare", StaffRole.BESTALLARE, organisation));

        browser.open("/console/bestallningar/ny");
        assertThat(browser.heading()).isEqualTo("Beställning användare i SUS");
        Axe.assertNoViolations(browser);

        browser.script("document.getElementById('startdatum').value = ''");
        browser.clickButton("Skicka beställningen");
        assertThat(browser.text()).contains("Det finns ett problem", "ORD-001", "ORD-014", "ORD-016", "ORD-018");
        browser.screenshot("order-form-errors");
        Axe.assertNoViolations(browser);

        browser.fill("Personnummer", TestRegistry.uniquePersonnummer().value()).fill("Förnamn", "Olle")
                .fill("Efternamn", "Ordersson").fill("E-postadress", "olle@kommun.se")
                .fill("Mobilnummer", "070-174 06 95");
        browser.element("label[for=roller]").click();
        browser.element("label[for=metod]").click();
        browser.script("document.getElementById('startdatum').value = arguments[0];"
                + "document.getElementById('slutdatum').value = arguments[1]",
                LocalDate.now().toString(), LocalDate.now().plusYears(1).toString());
        browser.clickButton("Skicka beställningen");
        assertThat(browser.text()).contains("Beställningen är inskickad och väntar på godkännande.");
        Axe.assertNoViolations(browser);

        browser.open("/console/bestallningar");
        assertThat(browser.text()).contains("Olle Ordersson");
        Axe.assertNoViolations(browser);

        browser.open("/console/behorigheter");
        assertThat(browser.text()).contains("Hanna Hållare");
        Axe.assertNoViolations(browser);
    }

    @Test
    void administratorPagesWhenDecidingHaveNoWcagViolations(Browser browser) {
        Organisation organisation = registry.organisation();
        Person orderer = staff("Beata", "Beställare", StaffRole.BESTALLARE, organisation);
        jdbc.sql("""
                INSERT INTO access_order (personnummer, given_name, family_name, email, mobile_e164, organisation_id,
                                          sms_login, valid_from, valid_to, status, ordered_by, ordered_at)
                VALUES (:pnr, 'Olle', 'Ordersson', 'olle@kommun.se', '+46701740696', :org, TRUE, :from, :to,
                        'PENDING', :by, CURRENT_TIMESTAMP)""")
                .param("pnr", TestRegistry.uniquePersonnummer().value()).param("org", organisation.id())
                .param("from", LocalDate.now()).param("to", LocalDate.now().plusYears(1)).param("by", orderer.id())
                .update();
        long orderId = jdbc.sql("SELECT MAX(id) FROM access_order WHERE ordered_by = :by").param("by", orderer.id())
                .query(Long.class).single();
        jdbc.sql("INSERT INTO access_order_role (order_id, role) VALUES (:id, 'INSATSANSVARIG')")
                .param("id", orderId).update();
        logInWithBankId(browser, staff("Agnes", "Admin", StaffRole.BEHORIGHETSADMINISTRATOR, null));

        browser.open("/console/bestallningar");
        assertThat(browser.text()).contains("Väntar på godkännande", "Olle Ordersson");
        Axe.assertNoViolations(browser);

        browser.open("/console/bestallningar/" + orderId);
        assertThat(browser.heading()).isEqualTo("Beställning " + orderId);
        Axe.assertNoViolations(browser);

        browser.clickButton("Avslå beställningen");
        assertThat(browser.text()).contains("Ange varför beställningen avslås.", "ORD-024");
        browser.screenshot("order-reject-error");
        Axe.assertNoViolations(browser);

        browser.open("/console/behorigheter?organisation=" + organisation.id());
        Axe.assertNoViolations(browser);
    }
}
