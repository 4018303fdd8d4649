package se.susam.inloggning.servicestatus;

import static org.assertj.core.api.Assertions.assertThat;
import static se.susam.inloggning.testsupport.CookieCsrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static se.susam.inloggning.testsupport.StaffLogins.staff;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import se.susam.inloggning.testsupport.DatabaseTest;
import se.susam.inloggning.testsupport.MutableClock;
import se.susam.inloggning.testsupport.WebClient;

/** Driftinformation: published by Kundcenter, shown everywhere it should be, and maintenance mode. */
@DatabaseTest
@AutoConfigureMockMvc
class ServiceStatusTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    ServiceNotices notices;

    @LocalServerPort
    int port;

    /**
     * Ends what a test published the way Kundcenter does (which also refreshes this node's banner
     * cache at once), so no later test on this context meets a maintenance notice.
     */
    @AfterEach
    void endEverything() throws Exception {
        clock.reset();
        for (ServiceNotice notice : notices.current()) {
            mvc.perform(post("/console/driftinformation/" + notice.id() + "/avsluta").with(staff("KUNDCENTER"))
                    .with(csrf())).andExpect(status().isFound());
        }
        jdbc.sql("UPDATE service_notice SET ends_at = starts_at + INTERVAL '1' SECOND WHERE starts_at > CURRENT_TIMESTAMP")
                .update();
    }

    private static String local(Duration fromNow) {
        return LocalDateTime.now(ZoneId.systemDefault()).plus(fromNow).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private MvcResult publish(String title, String kind, String affected, boolean unavailable, String start, String end)
            throws Exception {
        return mvc.perform(post("/console/driftinformation").with(staff("KUNDCENTER")).with(csrf())
                .param("title", title).param("body", "Vi arbetar på att lösa problemet.").param("kind", kind)
                .param("affected", affected).param("susUnavailable", String.valueOf(unavailable))
                .param("startsAt", start).param("endsAt", end)).andReturn();
    }

    private WebClient.Page page(String path) {
        return new WebClient("http://localhost:" + port).get(path);
    }

    @Test
    void publishWhenCurrentDisruptionOfBankIdThenBannerOnStartAndChooserButNotOnSmsPages() throws Exception {
        MvcResult result = publish("BankID-inloggning fungerar inte just nu", "DRIFTSTORNING", "BANKID", false,
                local(Duration.ofMinutes(-5)), "");
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).startsWith("/console/driftinformation?publicerad=");

        assertThat(page("/").text()).contains("Driftstörning", "BankID-inloggning fungerar inte just nu");
        assertThat(page("/login").text()).contains("BankID-inloggning fungerar inte just nu");
        assertThat(page("/login/sms").text()).doesNotContain("BankID-inloggning fungerar inte just nu");
        assertThat(page("/login/sms").status()).isEqualTo(200);
    }

    @Test
    void publishWhenSmsAffectedThenBannerOnSmsPage() throws Exception {
        publish("SMS kommer fram sent", "DRIFTSTORNING", "SMS", false, local(Duration.ofMinutes(-1)), "");
        assertThat(page("/login/sms").text()).contains("SMS kommer fram sent");
    }

    /** Each page with a banner, from each controller that renders one ({@link NoticeBanners}). */
    @Test
    void publishWhenAllOfSusAffectedThenBannerOnEveryPageThatHasOne() throws Exception {
        publish("Långsamma svar i hela SUS", "DRIFTSTORNING", "SUS", false, local(Duration.ofMinutes(-1)), "");

        for (String path : new String[] {"/", "/login", "/login/sms", "/login/bankid"}) {
            assertThat(page(path).text()).as(path).contains("Långsamma svar i hela SUS");
        }
        assertThat(page("/support").text()).doesNotContain("Långsamma svar i hela SUS");
    }

    @Test
    void pageWhenNoticesExistThenCurrentPlannedAndPastSeparately() throws Exception {
        publish("Pågår nu", "INFORMATION", "SUS", false, local(Duration.ofMinutes(-10)), local(Duration.ofHours(1)));
        publish("Kommer sen", "PLANERAT_UNDERHALL", "SUS", false, local(Duration.ofDays(2)), local(Duration.ofDays(2).plusHours(2)));
        publish("Har varit", "DRIFTSTORNING", "SMS", false, local(Duration.ofDays(-2)), local(Duration.ofDays(-2).plusHours(1)));
        String text = page("/driftinformation").text();
        assertThat(text.indexOf("Pågår nu")).isBetween(text.indexOf("Just nu"), text.indexOf("Planerat underhåll och"));
        assertThat(text.indexOf("Kommer sen")).isBetween(text.indexOf("Planerat underhåll och"), text.indexOf("Tidigare"));
        assertThat(text.indexOf("Har varit")).isGreaterThan(text.indexOf("Tidigare"));
        assertThat(page("/driftinformation").body())
                .contains("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/driftinformation.atom\"");
    }

    @Test
    void feedsWhenReadThenAtomAndJsonCarryTheNotices() throws Exception {
        publish("Underhåll & uppgradering <natt>", "PLANERAT_UNDERHALL", "SUS", false, local(Duration.ofDays(1)), "");
        WebClient.Page atom = page("/driftinformation.atom");
        assertThat(atom.status()).isEqualTo(200);
        assertThat(atom.body()).startsWith("<?xml").contains("<feed xmlns=\"http://www.w3.org/2005/Atom\"")
                .contains("<title>Underhåll &amp; uppgradering &lt;natt&gt;</title>", "<category term=\"PLANERAT_UNDERHALL\"/>");
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(atom.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        WebClient.Page json = page("/driftinformation.json");
        assertThat(json.body()).contains("\"title\":\"Underhåll & uppgradering <natt>\"", "\"status\":\"planned\"");
    }

    @Test
    void susUnavailableWhenCurrentThenLoginAnswers503WithNoticeWhileSupportStaysUp() throws Exception {
        publish("SUS uppgraderas", "PLANERAT_UNDERHALL", "SUS", true, local(Duration.ofMinutes(-1)), local(Duration.ofHours(2)));
        WebClient.Page login = page("/login/sms");
        assertThat(login.status()).isEqualTo(503);
        assertThat(login.text()).contains("SUS är inte tillgängligt just nu", "DRF-010", "SUS uppgraderas");
        assertThat(page("/login").status()).isEqualTo(503);
        assertThat(page("/support").status()).isEqualTo(200);
        assertThat(page("/driftinformation").status()).isEqualTo(200);
        assertThat(page("/").status()).isEqualTo(200);
    }

    @Test
    void susUnavailableWhenEndedByKundcenterThenLoginOpensAgain() throws Exception {
        publish("SUS uppgraderas", "DRIFTSTORNING", "SUS", true, local(Duration.ofMinutes(-1)), "");
        long id = jdbc.sql("SELECT MAX(id) FROM service_notice").query(Long.class).single();
        assertThat(page("/login").status()).isEqualTo(503);
        mvc.perform(post("/console/driftinformation/" + id + "/avsluta").with(staff("KUNDCENTER")).with(csrf()))
                .andExpect(status().isFound());
        assertThat(page("/login").status()).isEqualTo(200);
        mvc.perform(post("/console/driftinformation/" + id + "/avsluta").with(staff("KUNDCENTER")).with(csrf()))
                .andExpect(status().isConflict());
    }

    @Test
    void publishWhenFieldsInvalidThenEachItsOwnCodeAndNothingStored() throws Exception {
        long before = jdbc.sql("SELECT COUNT(*) FROM service_notice").query(Long.class).single();
        MvcResult empty = mvc.perform(post("/console/driftinformation").with(staff("KUNDCENTER")).with(csrf()))
                .andReturn();
        assertThat(empty.getResponse().getStatus()).isEqualTo(400);
        assertThat(empty.getResponse().getContentAsString())
                .contains("DRF-001", "DRF-003", "DRF-005", "DRF-006", "DRF-007", "href=\"#title\"");

        String endBeforeStart = publish("Rubrik", "INFORMATION", "SUS", false, local(Duration.ofHours(2)),
                local(Duration.ofHours(1))).getResponse().getContentAsString();
        assertThat(endBeforeStart).contains("DRF-009", "value=\"Rubrik\"");
        assertThat(publish("x".repeat(121), "INFORMATION", "SUS", false, local(Duration.ZERO), "")
                .getResponse().getContentAsString()).contains("DRF-002");
        assertThat(publish("Rubrik", "OKÄND", "SUS", false, "igår", "sen")
                .getResponse().getContentAsString()).contains("DRF-005", "DRF-007", "DRF-008");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM service_notice").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void publishWhenDoneThenAuditedWithTheStaffMember() throws Exception {
        publish("Granskad", "INFORMATION", "SUS", false, local(Duration.ZERO), "");
        String actor = jdbc.sql("SELECT actor FROM audit_event WHERE event_type = 'NOTICE_PUBLISHED' ORDER BY id DESC LIMIT 1")
                .query(String.class).single();
        assertThat(actor).isEqualTo("19121212-XXXX Karin Kundcenter");
    }

    @Test
    void consoleWhenAnonymousThenSentToLoginAndWithoutKundcenterRoleForbidden() throws Exception {
        mvc.perform(get("/console/driftinformation")).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/console")).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/console/driftinformation").with(staff("BESTALLARE"))).andExpect(status().isForbidden());
        mvc.perform(post("/console/driftinformation").with(staff("BEHORIGHETSADMINISTRATOR")).with(csrf())
                .param("title", "x")).andExpect(status().isForbidden());
        mvc.perform(get("/console").with(staff("BESTALLARE"))).andExpect(status().isOk());
        mvc.perform(get("/console/driftinformation").with(staff("KUNDCENTER"))).andExpect(status().isOk());
    }

    @Test
    void consoleWhenLoggedInWithoutAnyStaffRoleThenForbidden() throws Exception {
        mvc.perform(get("/console").with(staff())).andExpect(status().isForbidden());
    }

    @Test
    void publishWhenPostedWithoutCsrfTokenThenRefused() throws Exception {
        mvc.perform(post("/console/driftinformation").with(staff("KUNDCENTER")).param("title", "x"))
                .andExpect(status().isForbidden());
    }
}
