package se.susam.inloggning.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

import se.susam.inloggning.access.AccessGrant;
import se.susam.inloggning.access.AccessStatus;
import se.susam.inloggning.access.Person;
import se.susam.inloggning.access.Role;
import se.susam.inloggning.access.StaffRole;
import se.susam.inloggning.identity.Personnummer;
import se.susam.inloggning.testsupport.DatabaseTest;
import se.susam.inloggning.testsupport.TestRegistry;
import se.susam.inloggning.testsupport.WebClient;

/**
 * A behörighetsadministratör approves or rejects; approval creates the person and the grant in one
 * transaction and, with SMS login, sends a first master password that really logs in.
 */
@DatabaseTest
class OrderApprovalTest extends OrderConsoleTestSupport {

    private List<AccessGrant> grantsOf(Personnummer personnummer) {
        return registry.registry().findPerson(personnummer).map(p -> registry.registry().grantsOf(p.id()))
                .orElse(List.of());
    }

    private WebClient.Page smsLogin(Personnummer personnummer, String password, String e164) {
        return smsLogin(new WebClient("http://localhost:" + port), personnummer, password, e164);
    }

    @Test
    void approveWhenSmsLoginThenPersonGrantHashAndFirstPasswordThatLogsIn() throws Exception {
        Personnummer person = TestRegistry.uniquePersonnummer();
        long id = console.orderFor(person, "070-174 06 60");

        MockHttpServletResponse response = console.approve(console.admin, id);

        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(console.status(id)).isEqualTo("APPROVED");
        assertThat(console.firstPassword(id)).contains("SENT");
        Person created = registry.registry().findPerson(person).orElseThrow();
        assertThat(created.fullName()).isEqualTo("Olle Ordersson");
        assertThat(created.email()).isEqualTo("olle.ordersson@kommun.se");
        assertThat(grantsOf(person)).singleElement().satisfies(grant -> {
            assertThat(grant.organisation().id()).isEqualTo(console.orgA.id());
            assertThat(grant.roles()).containsExactly(Role.INSATSANSVARIG);
            assertThat(grant.smsLogin()).isTrue();
            assertThat(grant.mobile()).map(m -> m.e164()).contains("+46701740660");
            assertThat(grant.validFrom()).isEqualTo(LocalDate.now());
            assertThat(grant.validTo()).isEqualTo(LocalDate.now().plusYears(1));
            assertThat(grant.status()).isEqualTo(AccessStatus.ACTIVE);
        });
        String password = console.passwordSentTo("+46701740660");
        String hash = jdbc.sql("SELECT phc_hash FROM master_password WHERE person_id = :p").param("p", created.id())
                .query(String.class).single();
        assertThat(hash).startsWith("$argon2id$").doesNotContain(password);
        assertThat(smsLogin(person, password, "+46701740660").text()).contains("Välkommen, Olle Ordersson",
                "Insatsansvarig");
        assertThat(console.audit("ORDER_APPROVED", person)).singleElement()
                .satisfies(row -> assertThat((String) row.get("actor")).contains("Agnes Admin"));
        assertThat(console.audit("FIRST_PASSWORD_SENT", person)).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("outcome", "SUCCESS");
            assertThat((String) row.get("details")).doesNotContain(password, "1740660");
        });
    }

    @Test
    void approveWhenNoSmsLoginThenGrantWithoutMobileAndNoSms() throws Exception {
        Personnummer person = TestRegistry.uniquePersonnummer();
        Map<String, String> fields = OrderConsole.validFields(console.orgA, person, "070-174 06 61");
        fields.put("metod", "e-legitimation");
        fields.put("roller", "SAMVERKANSADMINISTRATOR,INSATSANSVARIG");
        long id = console.order(console.ordererA, fields);

        console.approve(console.admin, id);

        assertThat(grantsOf(person)).singleElement().satisfies(grant -> {
            assertThat(grant.smsLogin()).isFalse();
            assertThat(grant.mobile()).isEmpty();
            assertThat(grant.roles()).containsExactlyInAnyOrder(Role.SAMVERKANSADMINISTRATOR, Role.INSATSANSVARIG);
        });
        assertThat(console.firstPassword(id)).contains("NOT_NEEDED");
        assertThat(console.smsTextsTo("+46701740661")).isEmpty();
    }

    @Test
    void approveWhenOrdererIsApproverThenRefused() throws Exception {
        Person both = console.staff("Bodil", "Båda", StaffRole.BESTALLARE, console.orgA);
        registry.registry().addStaffRole(both.id(), StaffRole.BEHORIGHETSADMINISTRATOR, Optional.empty());
        Personnummer person = TestRegistry.uniquePersonnummer();
        long id = console.order(both, OrderConsole.validFields(console.orgA, person, "070-174 06 62"));

        MockHttpServletResponse approve = console.approve(both, id);
        MockHttpServletResponse reject = console.postAs(both, "/console/bestallningar/" + id + "/avsla",
                "skal", "Jag ångrar mig");

        assertThat(approve.getStatus()).isEqualTo(403);
        assertThat(approve.getContentAsString()).contains("ORD-026",
                "Du kan inte godkänna eller avslå en beställning som du själv har gjort.");
        assertThat(reject.getStatus()).isEqualTo(403);
        assertThat(console.status(id)).isEqualTo("PENDING");
        assertThat(registry.registry().findPerson(person)).isEmpty();
        assertThat(console.open(both, "/console/bestallningar/" + id).getContentAsString())
                .contains("Du har själv gjort den här beställningen").doesNotContain("Godkänn beställningen");
        assertThat(console.audit("ORDER_APPROVED", person)).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("outcome", "DENIED").containsEntry("error_code", "ORD-026"));
    }

    @Test
    void rejectWhenReasonGivenThenRejectedWithReasonShownToTheOrderer() throws Exception {
        Personnummer person = TestRegistry.uniquePersonnummer();
        long id = console.orderFor(person, "070-174 06 63");

        MockHttpServletResponse response = console.postAs(console.admin, "/console/bestallningar/" + id + "/avsla",
                "skal", "Fel mobilnummer, beställ igen med rätt nummer.");

        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(console.status(id)).isEqualTo("REJECTED");
        assertThat(console.open(console.ordererA, "/console/bestallningar/" + id).getContentAsString())
                .contains("Avslagen", "Fel mobilnummer, beställ igen med rätt nummer.", "Agnes Admin");
        assertThat(registry.registry().findPerson(person)).isEmpty();
        assertThat(console.audit("ORDER_REJECTED", person)).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("outcome", "SUCCESS"));
    }

    @Test
    void rejectWhenReasonMissingThen400AndStillPending() throws Exception {
        long id = console.orderFor(TestRegistry.uniquePersonnummer(), "070-174 06 64");

        MockHttpServletResponse response = console.postAs(console.admin, "/console/bestallningar/" + id + "/avsla",
                "skal", "  ");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("ORD-024", "Ange varför beställningen avslås.",
                "id=\"skal-error\"", "href=\"#skal\"");
        assertThat(console.status(id)).isEqualTo("PENDING");
    }

    @Test
    void rejectWhenReasonTooLongThen400AndTheReasonKept() throws Exception {
        long id = console.orderFor(TestRegistry.uniquePersonnummer(), "070-174 06 65");

        MockHttpServletResponse response = console.postAs(console.admin, "/console/bestallningar/" + id + "/avsla",
                "skal", "x".repeat(501));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("ORD-025", "x".repeat(501));
        assertThat(console.status(id)).isEqualTo("PENDING");
    }

    @Test
    void approveWhenAlreadyDecidedThen409AndNoSecondGrant() throws Exception {
        Personnummer person = TestRegistry.uniquePersonnummer();
        long id = console.orderFor(person, "070-174 06 66");
        console.approve(console.admin, id);

        MockHttpServletResponse again = console.approve(console.otherAdmin, id);

        assertThat(again.getStatus()).isEqualTo(409);
        assertThat(again.getContentAsString()).contains("ORD-027");
        assertThat(grantsOf(person)).hasSize(1);
        assertThat(console.smsTextsTo("+46701740666")).hasSize(1);
    }

    @Test
    void approveWhenPersonHasAGrantForTheOrganisationThenItIsReplacedAndTheOldOrderSuperseded() throws Exception {
        Personnummer person = TestRegistry.uniquePersonnummer();
        long first = console.orderFor(person, "070-174 06 67");
        console.approve(console.admin, first);
        String firstPassword = console.passwordSentTo("+46701740667");
        Map<String, String> changed = OrderConsole.validFields(console.orgA, person, "070-174 06 68");
        changed.put("roller", "DELTAGARANSVARIG");
        long second = console.order(console.ordererA, changed);

        console.approve(console.admin, second);

        assertThat(console.status(first)).isEqualTo("SUPERSEDED");
        assertThat(console.status(second)).isEqualTo("APPROVED");
        List<AccessGrant> grants = grantsOf(person);
        assertThat(grants).hasSize(2);
        assertThat(grants).filteredOn(g -> g.status() == AccessStatus.ACTIVE).singleElement().satisfies(g -> {
            assertThat(g.roles()).containsExactly(Role.DELTAGARANSVARIG);
            assertThat(g.mobile()).map(m -> m.e164()).contains("+46701740668");
        });
        assertThat(grants).filteredOn(g -> g.status() == AccessStatus.WITHDRAWN).singleElement()
                .satisfies(g -> assertThat(g.roles()).containsExactly(Role.INSATSANSVARIG));
        assertThat(console.firstPassword(second)).contains("KEPT");
        assertThat(console.smsTextsTo("+46701740668")).isEmpty();
        assertThat(console.open(console.admin, "/console/bestallningar/" + second).getContentAsString())
                .contains("Användaren har redan ett masterlösenord, som fortsätter att gälla.");
        assertThat(smsLogin(person, firstPassword, "+46701740668").text()).contains("Deltagaransvarig");
    }

    @Test
    void sendNewFirstPasswordWhenExistingWasKeptThenANewOneReplacesIt() throws Exception {
        Personnummer person = TestRegistry.uniquePersonnummer();
        long first = console.orderFor(person, "070-174 06 69");
        console.approve(console.admin, first);
        String oldPassword = console.passwordSentTo("+46701740669");

        MockHttpServletResponse response = console.postAs(console.admin,
                "/console/bestallningar/" + first + "/nytt-losenord");

        assertThat(response.getStatus()).isEqualTo(302);
        String newPassword = console.passwordSentTo("+46701740669");
        assertThat(newPassword).isNotEqualTo(oldPassword);
        assertThat(smsLogin(person, oldPassword, "+46701740669").text()).contains("SMS-003");
        assertThat(smsLogin(person, newPassword, "+46701740669").text()).contains("Välkommen, Olle Ordersson");
    }

    @Test
    void listWhenAdministratorThenQueueAcrossOrganisations() throws Exception {
        Personnummer a = TestRegistry.uniquePersonnummer();
        Personnummer b = TestRegistry.uniquePersonnummer();
        console.orderFor(a, "070-174 06 70");
        console.order(console.ordererB, OrderConsole.validFields(console.orgB, b, "070-174 06 71"));

        String page = console.open(console.admin, "/console/bestallningar").getContentAsString();

        assertThat(page).contains("Väntar på godkännande", a.formatted(), b.formatted(), console.orgA.name(),
                console.orgB.name());
    }

    @Test
    void listWhenOrdererThenOwnOrganisationsOrdersWithStatusOnly() throws Exception {
        Personnummer a = TestRegistry.uniquePersonnummer();
        Personnummer b = TestRegistry.uniquePersonnummer();
        console.orderFor(a, "070-174 06 72");
        console.order(console.ordererB, OrderConsole.validFields(console.orgB, b, "070-174 06 73"));

        String page = console.open(console.ordererA, "/console/bestallningar").getContentAsString();

        assertThat(page).contains(a.formatted(), "Inskickad – väntar på godkännande").doesNotContain(b.formatted());
    }

    @Test
    void consoleWhenOrdererOrAdministratorThenLinksToOrdersAndAccess() throws Exception {
        for (Person staff : Set.of(console.ordererA, console.admin)) {
            assertThat(console.open(staff, "/console").getContentAsString())
                    .contains("href=\"/console/bestallningar\"", "href=\"/console/behorigheter\"");
        }
        assertThat(console.open(console.kundcenter, "/console").getContentAsString())
                .doesNotContain("href=\"/console/bestallningar\"");
    }
}
