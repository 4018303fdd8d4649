package se.susam.inloggning.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

import se.susam.inloggning.access.AccessGrant;
import se.susam.inloggning.access.AccessStatus;
import se.susam.inloggning.access.Organisation;
import se.susam.inloggning.access.Person;
import se.susam.inloggning.access.Role;
import se.susam.inloggning.identity.PhoneNumber;
import se.susam.inloggning.testsupport.DatabaseTest;
import se.susam.inloggning.testsupport.TestRegistry;
import se.susam.inloggning.testsupport.WebClient;

/** Withdrawing access sets the grant WITHDRAWN and ends the person's sessions at once. */
@DatabaseTest
class AccessWithdrawalTest extends OrderConsoleTestSupport {

    private record LoggedIn(Person person, AccessGrant grant, WebClient browser) {
    }

    /** An SMS user of {@code organisation}, logged in to SUS over real HTTP. */
    private LoggedIn loggedInSmsUser(Organisation organisation) {
        Person person = registry.person("Siv", "Smsson");
        PhoneNumber mobile = TestRegistry.uniqueMobile();
        AccessGrant grant = registry.registry().addGrant(person.id(), organisation, Set.of(Role.INSATSANSVARIG),
                LocalDate.now().minusDays(1), LocalDate.now().plusYears(1), AccessStatus.ACTIVE, Optional.of(mobile));
        registry.masterPasswords().set(person.id(), "Kaxe4Rpt");
        WebClient browser = new WebClient("http://localhost:" + port);
        assertThat(smsLogin(browser, person.personnummer(), "Kaxe4Rpt", mobile.e164()).status()).isEqualTo(200);
        return new LoggedIn(person, grant, browser);
    }

    private String grantStatus(long grantId) {
        return jdbc.sql("SELECT status FROM access_grant WHERE id = :id").param("id", grantId).query(String.class)
                .single();
    }

    @Test
    void withdrawWhenOrdererOfTheOrganisationThenGrantWithdrawnAndTheUsersSessionEnds() throws Exception {
        LoggedIn user = loggedInSmsUser(console.orgA);

        MockHttpServletResponse response = console.postAs(console.ordererA,
                "/console/behorigheter/" + user.grant().id() + "/aterkalla");

        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(grantStatus(user.grant().id())).isEqualTo("WITHDRAWN");
        WebClient.Page sus = user.browser().get("/sus");
        assertThat(sus.status()).isEqualTo(302);
        assertThat(sus.redirectsTo("/login")).isTrue();
        assertThat(console.audit("ACCESS_WITHDRAWN", user.person().personnummer())).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("outcome", "SUCCESS");
            assertThat((String) row.get("details")).contains("aktiv → återkallad", "avslutade sessioner: 1");
            assertThat((String) row.get("actor")).contains("Beata Beställare");
        });
    }

    @Test
    void withdrawWhenAdministratorThenAnyOrganisationsGrant() throws Exception {
        LoggedIn user = loggedInSmsUser(console.orgB);

        assertThat(console.postAs(console.admin, "/console/behorigheter/" + user.grant().id() + "/aterkalla")
                .getStatus()).isEqualTo(302);

        assertThat(grantStatus(user.grant().id())).isEqualTo("WITHDRAWN");
        assertThat(user.browser().get("/sus").redirectsTo("/login")).isTrue();
    }

    @Test
    void withdrawWhenAlreadyWithdrawnThen409() throws Exception {
        LoggedIn user = loggedInSmsUser(console.orgA);
        console.postAs(console.ordererA, "/console/behorigheter/" + user.grant().id() + "/aterkalla");

        MockHttpServletResponse again = console.postAs(console.ordererA,
                "/console/behorigheter/" + user.grant().id() + "/aterkalla");

        assertThat(again.getStatus()).isEqualTo(409);
        assertThat(again.getContentAsString()).contains("ORD-030");
    }

    @Test
    void grantListWhenOrdererThenOwnOrganisationsActiveGrantsWithWithdrawButtons() throws Exception {
        LoggedIn user = loggedInSmsUser(console.orgA);

        String page = console.open(console.ordererA, "/console/behorigheter").getContentAsString();

        assertThat(page).contains(console.orgA.name(), "Siv Smsson", user.person().personnummer().formatted(),
                "/console/behorigheter/" + user.grant().id() + "/aterkalla", "Återkalla behörigheten för Siv Smsson");
        assertThat(jdbc.sql("SELECT details FROM audit_event WHERE event_type = 'GRANT_LIST' AND actor LIKE :a")
                .param("a", "%Beata Beställare").query(String.class).list())
                .contains("organisation " + console.orgA.orgNumber());
    }

    @Test
    void grantListWhenAdministratorChoosesAnOrganisationThenItsGrants() throws Exception {
        LoggedIn user = loggedInSmsUser(console.orgB);

        String page = console.open(console.admin, "/console/behorigheter?organisation=" + console.orgB.id())
                .getContentAsString();

        assertThat(page).contains(console.orgB.name(), user.person().personnummer().formatted());
    }
}
