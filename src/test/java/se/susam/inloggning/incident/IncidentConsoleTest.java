package se.susam.inloggning.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import se.susam.inloggning.access.StaffRole;
import se.susam.inloggning.login.LoginMethod;
import se.susam.inloggning.login.SusPrincipal;
import se.susam.inloggning.testsupport.DatabaseTest;
import se.susam.inloggning.testsupport.MutableClock;
import se.susam.inloggning.testsupport.TestRegistry;

/**
 * Kundcenter reads the reports in the console ({@code /console/felanmalningar}): newest first,
 * each in full, every view audited; everyone else is refused. No login method gives staff roles
 * yet, so the staff member's session is built here as {@code LoginCompletion} builds it.
 */
@DatabaseTest
class IncidentConsoleTest {

    private static long personIds = 900_000;

    @LocalServerPort
    int port;

    @Autowired
    WebApplicationContext context;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static Authentication staff(StaffRole... roles) {
        SusPrincipal principal = new SusPrincipal(++personIds, TestRegistry.uniquePersonnummer(), "Karin Kundcenter",
                LoginMethod.SMS, Instant.now(), List.of(), Arrays.stream(roles).map(StaffRole::name).toList());
        return UsernamePasswordAuthenticationToken.authenticated(principal, null,
                Arrays.stream(roles).map(r -> new SimpleGrantedAuthority(r.authority())).toList());
    }

    private MockHttpServletResponse open(String path, Authentication who) throws Exception {
        return mvc.perform(get(path).with(authentication(who))).andReturn().getResponse();
    }

    private String file(String... overrides) {
        Reporter reporter = Reporter.newAt(port);
        String location = reporter.send(Reporter.validReport(clock, overrides)).location();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private List<Map<String, Object>> audit(String type, String actor) {
        return jdbc.sql("SELECT * FROM audit_event WHERE event_type = :t AND actor = :a")
                .param("t", type).param("a", actor).query().listOfRows();
    }

    @Test
    void listWhenAnonymousThenSentToLogin() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/console/felanmalningar")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).endsWith("/login");
    }

    @Test
    void listWhenLoggedInWithoutAConsoleRoleThen403() throws Exception {
        Authentication susUser = UsernamePasswordAuthenticationToken.authenticated(
                new SusPrincipal(++personIds, TestRegistry.uniquePersonnummer(), "Sara Susanvändare", LoginMethod.SMS,
                        Instant.now(), List.of(), List.of()),
                null, List.of(new SimpleGrantedAuthority("ROLE_SUS_USER")));

        assertThat(open("/console/felanmalningar", susUser).getStatus()).isEqualTo(403);
    }

    @Test
    void listWhenStaffWithoutKundcenterThen403WithItsCodeAndTheRefusalAudited() throws Exception {
        Authentication orderer = staff(StaffRole.BESTALLARE);

        MockHttpServletResponse response = open("/console/felanmalningar", orderer);

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentAsString()).contains("GEN-004", "Du har inte tillgång till den här sidan.");
        assertThat(audit("INCIDENT_LIST", orderer.getName())).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("outcome", "DENIED").containsEntry("error_code", "GEN-004"));
    }

    @Test
    void detailWhenStaffWithoutKundcenterThen403AndNothingOfTheReportShown() throws Exception {
        String number = file();

        MockHttpServletResponse response = open("/console/felanmalningar/" + number,
                staff(StaffRole.BEHORIGHETSADMINISTRATOR));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentAsString()).doesNotContain("maja.testsson@kommun.example.se");
    }

    @Test
    void listWhenKundcenterThenNewestFirstWithNumberTimeGroupMethodCodeAndReference() throws Exception {
        String older = file("kod", "GEN-002", "ref", "AAAAAAAAAA", "metod", "BANKID", "grupp", "af");
        clock.advance(Duration.ofMinutes(1));
        String newer = file("kod", "SMS-008", "ref", "BBBBBBBBBB", "metod", "SMS");

        MockHttpServletResponse response = open("/console/felanmalningar", staff(StaffRole.KUNDCENTER));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString())
                .containsSubsequence(newer, "Annan organisation", "SMS-inloggning", "SMS-008", "BBBBBBBBBB",
                        older, "Arbetsförmedlingen", "BankID", "GEN-002", "AAAAAAAAAA")
                .contains("href=\"/console/felanmalningar/" + newer + "\"")
                .doesNotContain("maja.testsson@kommun.example.se");
    }

    @Test
    void detailWhenKundcenterThenEveryFieldShownAndTheViewAudited() throws Exception {
        String number = file("beskrivning", "Inget SMS kom fram i morse.");
        Authentication kundcenter = staff(StaffRole.KUNDCENTER);

        MockHttpServletResponse response = open("/console/felanmalningar/" + number, kundcenter);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).contains(number, "Maja Testsson", "maja.testsson@kommun.example.se",
                "+46701740640", "Testkommunen", "Annan organisation", "SMS-inloggning", "SMS-003", "K7QM2XH9PD",
                "Inget SMS kom fram i morse.", "Chrome 131, Windows", "Ett problem med inloggningen till SUS");
        assertThat(audit("INCIDENT_VIEW", kundcenter.getName())).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("outcome", "SUCCESS").containsEntry("details", number)
                        .containsEntry("personnummer", null));
    }

    @Test
    void detailWhenNumberUnknownThen404() throws Exception {
        MockHttpServletResponse response = open("/console/felanmalningar/FA-2026-999999999",
                staff(StaffRole.KUNDCENTER));

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getContentAsString()).contains("GEN-003");
    }

    @Test
    void consoleStartWhenKundcenterThenLinksToTheReports() throws Exception {
        String page = open("/console", staff(StaffRole.KUNDCENTER)).getContentAsString();

        assertThat(page).contains("href=\"/console/felanmalningar\"", "Felanmälningar");
    }

    @Test
    void consoleStartWhenOnlyBestallareThenNoLinkToTheReports() throws Exception {
        String page = open("/console", staff(StaffRole.BESTALLARE)).getContentAsString();

        assertThat(page).doesNotContain("/console/felanmalningar");
    }
}
