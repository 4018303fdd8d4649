package se.susam.inloggning.kundcenter;

import static org.assertj.core.api.Assertions.assertThat;
import static se.susam.inloggning.testsupport.CookieCsrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.InetAddress;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import se.susam.inloggning.access.Person;
import se.susam.inloggning.credentials.LoginThrottle;
import se.susam.inloggning.testsupport.DatabaseTest;
import se.susam.inloggning.testsupport.MutableClock;
import se.susam.inloggning.testsupport.StaffLogins;
import se.susam.inloggning.testsupport.TestRegistry;
import se.susam.inloggning.testsupport.TestRegistry.SmsUser;
import se.susam.inloggning.testsupport.WebClient;

/**
 * Kundcenter finds a person and sees their login (search, person view), unlocks it, and reads the
 * audit trail; every other visitor is refused.
 */
@DatabaseTest
class KundcenterConsoleTest extends KundcenterTestBase {

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private MockHttpServletResponse search(String personnummer) throws Exception {
        return perform(post("/console/personer").param("personnummer", personnummer).with(kundcenter).with(csrf()));
    }

    private String personPage(Person person) throws Exception {
        MockHttpServletResponse response = perform(get("/console/personer/" + person.id()).with(kundcenter));
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    private List<Map<String, Object>> audit(String type, Person subject) {
        return ConsoleTests.audit(jdbc, type, subject);
    }

    // --- search ---------------------------------------------------------------------------------

    @Test
    void searchWhenPersonFoundThenRedirectedToTheirPageByIdNotPersonnummer() throws Exception {
        SmsUser user = registry.smsUser(PASSWORD);

        MockHttpServletResponse response = search(user.person().personnummer().formatted());

        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).isEqualTo("/console/personer/" + user.person().id())
                .doesNotContain(user.personnummer());
        assertThat(audit("KC_PERSON_SEARCH", user.person())).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("outcome", "SUCCESS")
                        .containsEntry("actor", staffMember.personnummer().masked() + " Karin Kundcenter"));
    }

    @Test
    void searchWhenPersonnummerUnknownThenKc001OnTheForm() throws Exception {
        MockHttpServletResponse response = search(TestRegistry.uniquePersonnummer().value());

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getContentAsString()).contains("KC-001",
                "Det finns ingen person med det personnumret i behörighetsregistret.", "href=\"#personnummer\"");
    }

    @Test
    void searchWhenPersonnummerMalformedThenThePersonnummerRulesMessage() throws Exception {
        MockHttpServletResponse response = search("19800114");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("PNR-002",
                "Personnumret ska bestå av 12 siffror (ÅÅÅÅMMDDNNNN).");
        assertThat(search("").getContentAsString()).contains("PNR-001");
    }

    // --- person view ----------------------------------------------------------------------------

    @Test
    void personViewShowsGrantMaskedMobileAndOpenLock() throws Exception {
        SmsUser user = registry.smsUser(PASSWORD);
        String e164 = user.mobile().e164();

        String page = personPage(user.person());

        assertThat(page).contains("Test Person", user.person().personnummer().formatted(), "Testkommun",
                "Insatsansvarig", "Gällande", "SMS-inloggning",
                "+46 70\u2011••• •• " + e164.substring(e164.length() - 2), "Inte låst", "0 misslyckade försök i rad")
                .doesNotContain(e164, e164.substring(3));
        assertThat(audit("KC_PERSON_VIEW", user.person())).hasSize(1);
    }

    @Test
    void personViewShowsTheLastLoginAttemptsWithTheirCodesLinkedToTheCatalogue() throws Exception {
        SmsUser user = registry.smsUser(PASSWORD);
        WebClient browser = new WebClient("http://localhost:" + port);
        browser.get("/login/sms");
        browser.post("/login/sms", "personnummer", user.personnummer(), "password", "Kaxe4Rpu");

        String page = personPage(user.person());

        assertThat(page).contains("Senaste inloggningsförsöken", "LOGIN_PASSWORD", "Misslyckades",
                "href=\"/support/vanliga-felmeddelanden/sms#SMS-003\"", "1 misslyckade försök i rad");
    }

    @Test
    void personViewWhenTemporarilyLockedThenLockedUntilATime() throws Exception {
        SmsUser user = registry.smsUser(PASSWORD);
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure(user.person().personnummer());
        }

        assertThat(personPage(user.person())).containsPattern("Tillfälligt låst till \\d\\d:\\d\\d")
                .contains("5 misslyckade försök i rad", "Lås upp och nollställ försöken");
    }

    @Test
    void personViewWhenPersonHasNoSmsLoginThenSaysSoAndOffersNoNewMasterPassword() throws Exception {
        Person person = registry.person("Utan", "Sms");

        String page = personPage(person);

        assertThat(page).contains("Ingen SMS-inloggning", "Personen har inga behörigheter.")
                .doesNotContain("/nytt-masterlosenord");
    }

    @Test
    void personViewWhenUnknownIdThenKc001() throws Exception {
        MockHttpServletResponse response = perform(get("/console/personer/987654321").with(kundcenter));

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getContentAsString()).contains("KC-001");
    }

    private static final AtomicInteger REPORTER = new AtomicInteger(1);

    /** Files a report through the public form from its own client address; returns the ticket number. */
    private String fileReport(String email, String phone) throws Exception {
        int n = REPORTER.getAndIncrement();
        WebClient reporter = new WebClient("http://localhost:" + port,
                InetAddress.getByName("127.43.%d.%d".formatted(n / 250, n % 250 + 1)));
        reporter.get("/felanmalan?grupp=ovriga");
        String when = LocalDateTime.ofInstant(clock.instant(), ZoneId.of("Europe/Stockholm"))
                .minusMinutes(10).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        WebClient.Page filed = reporter.post("/felanmalan", "grupp", "ovriga", "typ", "fel", "namn", "Test Person",
                "epost", email, "telefon", phone, "organisation", "Testkommun", "metod", "SMS", "kod", "SMS-003",
                "ref", "K7QM2XH9PD", "tid", when, "beskrivning", "Inget SMS kom fram.");
        assertThat(filed.location()).as(filed.text()).isNotNull();
        return filed.location().substring(filed.location().lastIndexOf('/') + 1);
    }

    @Test
    void personViewListsTheReportsSentWithTheirEmailOrMobileOnly() throws Exception {
        SmsUser user = registry.smsUser(PASSWORD);
        String byEmail = fileReport("TEST@example.se", "");
        String byMobile = fileReport("annan@example.se", user.mobile().e164());
        String unrelated = fileReport("annan@example.se", TestRegistry.uniqueMobile().e164());

        String page = personPage(user.person());

        assertThat(page).contains("href=\"/console/felanmalningar/" + byEmail + "\"",
                "href=\"/console/felanmalningar/" + byMobile + "\"", "det går inte att söka på namn")
                .doesNotContain(unrelated);
    }

    @Test
    void personViewShowsTheOperatorsDeliveryStatusOfRecentSmsWithTheNumberMasked() throws Exception {
        SmsUser user = registry.smsUser(PASSWORD);
        OffsetDateTime sent = OffsetDateTime.now(clock);
        jdbc.sql("""
                INSERT INTO sms_delivery (gateway, operator_message_id, to_e164, flash, status, operator_status,
                                          submitted_at, status_at)
                VALUES ('SMPP', :id, :to, TRUE, 'DELIVERED', 'DELIVRD', :at, :at)""")
                .param("id", "kc-" + user.person().id()).param("to", user.mobile().e164()).param("at", sent).update();

        String page = personPage(user.person());

        assertThat(page).contains("SMS till personens mobilnummer", "Flash-SMS", "Levererat", "DELIVRD",
                MaskedMobile.of(user.mobile())).doesNotContain(user.mobile().e164());
    }

    // --- unlock ---------------------------------------------------------------------------------

    @Test
    void unlockWhenPermanentlyLockedThenOpenWithZeroFailuresAndAudited() throws Exception {
        SmsUser user = registry.smsUser(PASSWORD);
        for (int i = 0; i < 20; i++) {
            throttle.recordFailure(user.person().personnummer());
        }
        assertThat(personPage(user.person())).contains("Låst – kräver upplåsning");

        MockHttpServletResponse response = perform(post("/console/personer/" + user.person().id() + "/las-upp")
                .with(kundcenter).with(csrf()));

        assertThat(response.getRedirectedUrl()).isEqualTo("/console/personer/" + user.person().id() + "?upplast");
        assertThat(throttle.state(user.person().personnummer())).isEqualTo(new LoginThrottle.State.Open(0));
        assertThat(audit("KC_UNLOCK", user.person())).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("outcome", "SUCCESS")
                        .containsEntry("details", "låst→olåst, misslyckade 20→0"));
        WebClient browser = new WebClient("http://localhost:" + port);
        browser.get("/login/sms");
        assertThat(browser.post("/login/sms", "personnummer", user.personnummer(), "password", PASSWORD)
                .redirectsTo("/login/sms/kod")).isTrue();
    }

    // --- audit trail ----------------------------------------------------------------------------

    @Test
    void auditViewFilteredBySubjectShowsTheirActionsWithActorAndBeforeAfter() throws Exception {
        SmsUser user = registry.smsUser(PASSWORD);
        SmsUser other = registry.smsUser(PASSWORD);
        throttle.recordFailure(user.person().personnummer());
        perform(post("/console/personer/" + user.person().id() + "/las-upp").with(kundcenter).with(csrf()));
        perform(post("/console/personer/" + other.person().id() + "/las-upp").with(kundcenter).with(csrf()));

        MockHttpServletResponse response = perform(post("/console/granskning")
                .param("personnummer", user.personnummer()).param("typ", "KC_UNLOCK").with(kundcenter).with(csrf()));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).contains("KC_UNLOCK", user.person().personnummer().formatted(),
                "Karin Kundcenter", "olåst→olåst, misslyckade 1→0", "Lyckades")
                .doesNotContain(other.person().personnummer().formatted());
    }

    @Test
    void auditViewWhenBehorighetsadministratorThenOpenAndNewestShown() throws Exception {
        SmsUser user = registry.smsUser(PASSWORD);
        perform(post("/console/personer/" + user.person().id() + "/las-upp").with(kundcenter).with(csrf()));

        MockHttpServletResponse response = perform(get("/console/granskning")
                .with(StaffLogins.staff(registry.person("Bo", "Behörighet"), "BEHORIGHETSADMINISTRATOR")));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).contains("Granskning", "KC_UNLOCK");
    }

    @Test
    void auditViewWhenFilterPersonnummerMalformedThenItsMessage() throws Exception {
        MockHttpServletResponse response = perform(post("/console/granskning").param("personnummer", "123")
                .with(kundcenter).with(csrf()));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("PNR-002");
    }

    // --- console start --------------------------------------------------------------------------

    @Test
    void consoleStartWhenKundcenterThenLinksToSearchAndAuditTrail() throws Exception {
        String page = perform(get("/console").with(kundcenter)).getContentAsString();

        assertThat(page).contains("href=\"/console/personer\"", "href=\"/console/granskning\"");
    }

    @Test
    void consoleStartWhenBehorighetsadministratorThenOnlyTheAuditTrail() throws Exception {
        String page = perform(get("/console").with(StaffLogins.staff("BEHORIGHETSADMINISTRATOR"))).getContentAsString();

        assertThat(page).contains("href=\"/console/granskning\"").doesNotContain("href=\"/console/personer\"");
    }

    // --- denials --------------------------------------------------------------------------------

    private List<MockHttpServletRequestBuilder> kundcenterActions(Person person) {
        String base = "/console/personer";
        String one = base + "/" + person.id();
        return List.of(get(base), post(base).param("personnummer", person.personnummer().value()), get(one),
                post(one + "/las-upp"), get(one + "/nytt-masterlosenord"),
                post(one + "/nytt-masterlosenord").param("atgard", "skicka"),
                post(one + "/nytt-masterlosenord/bankid"), get(one + "/nytt-masterlosenord/bankid"));
    }

    @Test
    void everyKundcenterActionWhenAnonymousThenSentToLogin() throws Exception {
        SmsUser user = registry.smsUser(PASSWORD);
        for (MockHttpServletRequestBuilder request : kundcenterActions(user.person())) {
            MockHttpServletResponse response = perform(request.with(csrf()));
            assertThat(response.getStatus()).as(request.toString()).isEqualTo(302);
            assertThat(response.getRedirectedUrl()).endsWith("/login");
        }
        MockHttpServletResponse auditView = perform(get("/console/granskning"));
        assertThat(auditView.getRedirectedUrl()).endsWith("/login");
    }

    @Test
    void everyKundcenterActionWhenOtherRoleOrNoneThen403AndNothingChanged() throws Exception {
        SmsUser user = registry.smsUser(PASSWORD);
        for (int i = 0; i < 20; i++) {
            throttle.recordFailure(user.person().personnummer());
        }
        List<RequestPostProcessor> refused = List.of(StaffLogins.staff(user.person()),
                StaffLogins.staff(registry.person("Bea", "Beställare"), "BESTALLARE"),
                StaffLogins.staff(registry.person("Bo", "Behörighet"), "BEHORIGHETSADMINISTRATOR"));
        for (RequestPostProcessor who : refused) {
            for (MockHttpServletRequestBuilder request : kundcenterActions(user.person())) {
                assertThat(perform(request.with(who).with(csrf())).getStatus()).as(request.toString())
                        .isEqualTo(403);
            }
        }
        for (RequestPostProcessor who : refused.subList(0, 2)) {
            assertThat(perform(get("/console/granskning").with(who)).getStatus()).isEqualTo(403);
        }
        assertThat(throttle.state(user.person().personnummer())).isEqualTo(new LoginThrottle.State.Locked());
        assertThat(audit("KC_PERSON_VIEW", user.person())).isEmpty();
    }

    @Test
    void everyKundcenterPostWithoutCsrfTokenThen403AndNothingChanged() throws Exception {
        SmsUser user = registry.smsUser(PASSWORD);
        for (int i = 0; i < 20; i++) {
            throttle.recordFailure(user.person().personnummer());
        }
        String one = "/console/personer/" + user.person().id();
        for (MockHttpServletRequestBuilder request : List.of(
                post("/console/personer").param("personnummer", user.personnummer()), post(one + "/las-upp"),
                post(one + "/nytt-masterlosenord").param("atgard", "skicka"), post(one + "/nytt-masterlosenord/bankid"),
                post("/console/granskning"))) {
            assertThat(perform(request.with(kundcenter)).getStatus()).as(request.toString()).isEqualTo(403);
        }
        assertThat(throttle.state(user.person().personnummer())).isEqualTo(new LoginThrottle.State.Locked());
    }

    @Test
    void lockWhenTimePassesThenTemporaryLockEndsOnItsOwn() throws Exception {
        SmsUser user = registry.smsUser(PASSWORD);
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure(user.person().personnummer());
        }
        clock.advance(Duration.ofHours(2));

        assertThat(personPage(user.person())).contains("Inte låst", "5 misslyckade försök i rad");
    }
}
