package se.susam.inloggning.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import se.susam.inloggning.access.AccessGrant;
import se.susam.inloggning.access.AccessStatus;
import se.susam.inloggning.access.Person;
import se.susam.inloggning.access.Role;
import se.susam.inloggning.identity.Personnummer;
import se.susam.inloggning.login.LoginMethod;
import se.susam.inloggning.login.SusPrincipal;
import se.susam.inloggning.testsupport.DatabaseTest;
import se.susam.inloggning.testsupport.TestRegistry;

/** Every order and access page refuses whoever lacks the role or organisation, and writes nothing then. */
@DatabaseTest
class OrderConsoleAccessTest extends OrderConsoleTestSupport {

    private AccessGrant grantInB() {
        Person holder = registry.person("Hanna", "Hållare");
        return registry.registry().addGrant(holder.id(), console.orgB, Set.of(Role.INSATSANSVARIG), LocalDate.now(),
                LocalDate.now().plusYears(1), AccessStatus.ACTIVE, Optional.empty());
    }

    private String grantStatus(long grantId) {
        return jdbc.sql("SELECT status FROM access_grant WHERE id = :id").param("id", grantId).query(String.class)
                .single();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/console/bestallningar", "/console/bestallningar/ny", "/console/bestallningar/1",
            "/console/behorigheter"})
    void pageWhenAnonymousThenSentToLogin(String path) throws Exception {
        MockHttpServletResponse response = console.mvc.perform(get(path)).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).endsWith("/login");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/console/bestallningar", "/console/bestallningar/ny", "/console/behorigheter"})
    void pageWhenSmsUserWithoutStaffRoleThen403(String path) throws Exception {
        Person user = registry.smsUser("Kaxe4Rpt").person();
        var susUser = UsernamePasswordAuthenticationToken.authenticated(new SusPrincipal(user.id(),
                        user.personnummer(), user.fullName(), LoginMethod.SMS, Instant.now(), List.of(), List.of()),
                null, List.of(new SimpleGrantedAuthority("ROLE_SUS_USER")));

        MockHttpServletResponse response = console.mvc.perform(get(path).with(authentication(susUser)))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/console/bestallningar", "/console/bestallningar/ny", "/console/behorigheter"})
    void pageWhenKundcenterThen403WithItsCode(String path) throws Exception {
        MockHttpServletResponse response = console.open(console.kundcenter, path);

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentAsString()).contains("GEN-004");
    }

    private void assertOrderRefused(Person staff, String mobile) throws Exception {
        Personnummer person = TestRegistry.uniquePersonnummer();

        MockHttpServletResponse response = console.submit(staff, OrderConsole.validFields(console.orgA, person, mobile));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(console.ordersOf(person)).isZero();
    }

    @Test
    void orderWhenKundcenterThen403AndNothingWritten() throws Exception {
        assertOrderRefused(console.kundcenter, "070-174 06 80");
    }

    @Test
    void orderWhenAdministratorWithoutOrdererRoleThen403AndNothingWritten() throws Exception {
        assertOrderRefused(console.admin, "070-174 06 81");
    }

    @Test
    void orderWhenOrdererNamesAnotherOrganisationThen400AndNothingWritten() throws Exception {
        Personnummer person = TestRegistry.uniquePersonnummer();

        MockHttpServletResponse response = console.submit(console.ordererA,
                OrderConsole.validFields(console.orgB, person, "070-174 06 82"));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("ORD-015");
        assertThat(console.ordersOf(person)).isZero();
    }

    @Test
    void decideWhenKundcenterOrOrdererThen403AndStillPending() throws Exception {
        Personnummer person = TestRegistry.uniquePersonnummer();
        long id = console.orderFor(person, "070-174 06 83");

        for (Person refused : List.of(console.kundcenter, console.ordererA, console.ordererB)) {
            assertThat(console.approve(refused, id).getStatus()).as(refused.fullName()).isEqualTo(403);
            assertThat(console.postAs(refused, "/console/bestallningar/" + id + "/avsla", "skal", "Nej").getStatus())
                    .isEqualTo(403);
        }

        assertThat(console.status(id)).isEqualTo("PENDING");
        assertThat(registry.registry().findPerson(person)).isEmpty();
        assertThat(console.audit("ORDER_APPROVED", person)).isEmpty();
    }

    @Test
    void newFirstPasswordWhenOrdererThen403AndNoSms() throws Exception {
        long id = console.orderFor(TestRegistry.uniquePersonnummer(), "070-174 06 84");
        console.approve(console.admin, id);

        MockHttpServletResponse response = console.postAs(console.ordererA,
                "/console/bestallningar/" + id + "/nytt-losenord");

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(console.smsTextsTo("+46701740684")).hasSize(1);
    }

    @Test
    void viewWhenOrdererOfAnotherOrganisationThen403WithItsCodeAndAudited() throws Exception {
        Personnummer person = TestRegistry.uniquePersonnummer();
        long id = console.orderFor(person, "070-174 06 85");

        MockHttpServletResponse response = console.open(console.ordererB, "/console/bestallningar/" + id);

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentAsString()).contains("ORD-028", "Det här gäller en annan organisation än din.")
                .doesNotContain(person.formatted());
        assertThat(console.audit("ORDER_VIEW", person)).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("outcome", "DENIED"));
    }

    @Test
    void viewWhenUnknownOrderThen404() throws Exception {
        assertThat(console.open(console.admin, "/console/bestallningar/987654321").getStatus()).isEqualTo(404);
    }

    @Test
    void grantListWhenOrdererAsksForAnotherOrganisationThen403() throws Exception {
        MockHttpServletResponse response = console.open(console.ordererA,
                "/console/behorigheter?organisation=" + console.orgB.id());

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentAsString()).contains("ORD-028");
    }

    @Test
    void withdrawWhenOrdererOfAnotherOrganisationThen403AndGrantStaysActive() throws Exception {
        AccessGrant grant = grantInB();

        MockHttpServletResponse response = console.postAs(console.ordererA,
                "/console/behorigheter/" + grant.id() + "/aterkalla");

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentAsString()).contains("ORD-028");
        assertThat(grantStatus(grant.id())).isEqualTo("ACTIVE");
    }

    @Test
    void withdrawWhenKundcenterThen403AndGrantStaysActive() throws Exception {
        AccessGrant grant = grantInB();

        assertThat(console.postAs(console.kundcenter, "/console/behorigheter/" + grant.id() + "/aterkalla")
                .getStatus()).isEqualTo(403);
        assertThat(grantStatus(grant.id())).isEqualTo("ACTIVE");
    }

    @Test
    void postWhenNoCsrfTokenThen403AndNothingWritten() throws Exception {
        Personnummer person = TestRegistry.uniquePersonnummer();
        var request = post("/console/bestallningar/ny").with(console.as(console.ordererA));
        Map<String, String> fields = OrderConsole.validFields(console.orgA, person, "070-174 06 86");
        fields.forEach(request::param);

        assertThat(console.mvc.perform(request).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(console.ordersOf(person)).isZero();
    }
}
