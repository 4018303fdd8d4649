package se.susam.inloggning.kundcenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.susam.inloggning.testsupport.CookieCsrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;

import se.susam.inloggning.access.AccessGrant;
import se.susam.inloggning.access.AccessStatus;
import se.susam.inloggning.access.Person;
import se.susam.inloggning.access.Role;
import se.susam.inloggning.credentials.LoginThrottle;
import se.susam.inloggning.credentials.MasterPasswords;
import se.susam.inloggning.errors.SusException;
import se.susam.inloggning.login.PersonSessions;
import se.susam.inloggning.login.LoginMethod;
import se.susam.inloggning.login.SusPrincipal;
import se.susam.inloggning.sms.SmsSendException;
import se.susam.inloggning.sms.SmsTemplates;
import se.susam.inloggning.testsupport.DatabaseTest;
import se.susam.inloggning.testsupport.TestRegistry;
import se.susam.inloggning.testsupport.TestRegistry.SmsUser;
import se.susam.inloggning.testsupport.WebClient;

/**
 * "Jag har förlorat mitt masterlösenord": the identity check item by item, and the new master
 * password as a flash SMS — the old one stops working, the new one logs in, the lock is cleared,
 * the person's sessions end, and nobody but the phone ever sees the password.
 */
@DatabaseTest
class NewMasterPasswordTest extends KundcenterTestBase {

    @Autowired
    MasterPasswords masterPasswords;

    /** What a truthful caller says, as staff would type it (other spellings than the registry's). */
    private static Map<String, String> truthful(SmsUser user, AccessGrant grant) {
        Map<String, String> said = new LinkedHashMap<>();
        said.put("namn", "  test   PERSON ");
        said.put("personnummer", user.person().personnummer().formatted());
        String e164 = user.mobile().e164();
        said.put("mobil", "0" + e164.substring(3, 5) + "-" + e164.substring(5, 8) + " " + e164.substring(8));
        said.put("epost", "Test@Example.se");
        said.put("organisation", grant.organisation().name().toUpperCase());
        return said;
    }

    private MockHttpServletResponse submit(SmsUser user, Map<String, String> said, String action,
                                           List<String> confirmed) throws Exception {
        MockHttpServletRequestBuilder request = post("/console/personer/" + user.person().id() + "/nytt-masterlosenord")
                .param("atgard", action).with(kundcenter).with(csrf());
        said.forEach(request::param);
        confirmed.forEach(item -> request.param("bekraftad", item));
        return perform(request);
    }

    private MockHttpServletResponse sendConfirmed(SmsUser user, Map<String, String> said) throws Exception {
        return submit(user, said, "skicka", List.copyOf(said.keySet()));
    }

    private AccessGrant grant(SmsUser user) {
        return registry.registry().grantsOf(user.person().id()).getFirst();
    }

    private List<Map<String, Object>> audit(String type, Person subject) {
        return ConsoleTests.audit(jdbc, type, subject);
    }

    private WebClient loggedIn(SmsUser user, String password) {
        WebClient browser = new WebClient("http://localhost:" + port);
        browser.get("/login/sms");
        WebClient.Page step1 = browser.post("/login/sms", "personnummer", user.personnummer(), "password", password);
        assertThat(step1.redirectsTo("/login/sms/kod")).as(step1.text()).isTrue();
        browser.get("/login/sms/kod");
        browser.post("/login/sms/kod", "code", browser.latestCodeSentTo(user.mobile().e164()));
        assertThat(browser.get("/sus").status()).isEqualTo(200);
        return browser;
    }

    // --- the checklist --------------------------------------------------------------------------

    @Test
    void pageShowsTheChecklistAndWhereThePasswordGoesButNoPassword() throws Exception {
        SmsUser user = registry.smsUser(PASSWORD);

        MockHttpServletResponse response = perform(get("/console/personer/" + user.person().id()
                + "/nytt-masterlosenord").with(kundcenter));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).contains("Identitetskontroll", "Namn", "Personnummer",
                "Mobilnummer", "E-postadress", "Organisation", "Bekräftad", "Skicka nytt masterlösenord",
                "Verifiera med BankID i telefonen", MaskedMobile.of(user.mobile()));
    }

    @Test
    void compareWhenTruthfulInOtherSpellingsThenEveryItemMatchesAndOnlyTheOutcomeIsAudited() throws Exception {
        SmsUser user = registry.smsUser(PASSWORD);

        MockHttpServletResponse response = submit(user, truthful(user, grant(user)), "jamfor", List.of());

        assertThat(response.getStatus()).isEqualTo(200);
        String page = response.getContentAsString();
        assertThat(Pattern.compile("Stämmer med registret").matcher(page).results().count()).isEqualTo(5);
        assertThat(page).doesNotContain("Stämmer inte med registret");
        assertThat(audit("KC_IDENTITY_CHECK", user.person())).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("outcome", "SUCCESS")
                .containsEntry("details", "identitetskontroll: namn ✓ personnummer ✓ mobil ✓ e-post ✓ organisation ✓"));
    }

    @Test
    void compareWhenOrganisationGivenByOrgNumberThenMatches() throws Exception {
        SmsUser user = registry.smsUser(PASSWORD);
        Map<String, String> said = truthful(user, grant(user));
        said.put("organisation", grant(user).organisation().orgNumber());

        assertThat(sendConfirmed(user, said).getStatus()).isEqualTo(302);
    }

    @Test
    void sendWhenAnyItemDoesNotMatchThenRefusedWithThatItemsMessageAndNothingSent() throws Exception {
        SmsUser user = registry.smsUser(PASSWORD);
        Person other = registry.person("Annan", "Person");
        Map<String, String[]> wrong = new LinkedHashMap<>();
        wrong.put("namn", new String[] {"Test Persson", "KC-003", "Namnet stämmer inte med behörighetsregistret."});
        wrong.put("personnummer", new String[] {other.personnummer().value(), "KC-004",
                "Personnumret stämmer inte med personen du har sökt fram."});
        wrong.put("mobil", new String[] {TestRegistry.uniqueMobile().e164(), "KC-005",
                "Mobilnumret stämmer inte med det som står på behörighetsbeställningen."});
        wrong.put("epost", new String[] {"annan@example.se", "KC-006", "E-postadressen stämmer inte med behörighetsregistret."});
        wrong.put("organisation", new String[] {"Annan kommun", "KC-007",
                "Organisationen stämmer inte med personens gällande behörigheter."});
        WebClient outbox = new WebClient("http://localhost:" + port);

        for (Map.Entry<String, String[]> item : wrong.entrySet()) {
            Map<String, String> said = truthful(user, grant(user));
            said.put(item.getKey(), item.getValue()[0]);

            MockHttpServletResponse response = sendConfirmed(user, said);

            assertThat(response.getStatus()).as(item.getKey()).isEqualTo(400);
            assertThat(response.getContentAsString()).as(item.getKey())
                    .contains(item.getValue()[1], item.getValue()[2], "href=\"#" + item.getKey() + "\"");
        }
        assertThat(outbox.messagesSentTo(user.mobile().e164())).isZero();
        assertThat(masterPasswords.verify(Optional.of(user.person().id()), PASSWORD)).isTrue();
        assertThat(audit("KC_NEW_MASTER_PASSWORD", user.person())).hasSize(5)
                .allSatisfy(row -> assertThat(row).containsEntry("outcome", "DENIED"))
                .anySatisfy(row -> assertThat(row).containsEntry("error_code", "KC-005").containsEntry("details",
                        "identitetskontroll: namn ✓ personnummer ✓ mobil ✗ e-post ✓ organisation ✓"));
    }

    @Test
    void sendWhenMobileIsOnlyOnAGrantWithoutSmsLoginThenRefused() throws Exception {
        SmsUser user = registry.smsUser(PASSWORD);
        var otherMobile = TestRegistry.uniqueMobile();
        registry.registry().addGrant(user.person().id(), registry.organisation(), Set.of(Role.INSATSANSVARIG),
                LocalDate.now().minusDays(1), LocalDate.now().plusDays(1), AccessStatus.ACTIVE, Optional.empty());
        Map<String, String> said = truthful(user, grant(user));
        said.put("mobil", otherMobile.e164());

        assertThat(sendConfirmed(user, said).getContentAsString()).contains("KC-005");
    }

    @Test
    void sendWhenItemsMatchButAreNotConfirmedThenRefusedPerUnconfirmedItem() throws Exception {
        SmsUser user = registry.smsUser(PASSWORD);

        MockHttpServletResponse response = submit(user, truthful(user, grant(user)), "skicka",
                List.of("namn", "personnummer", "mobil"));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("KC-008", "href=\"#bekraftad-epost\"",
                "href=\"#bekraftad-organisation\"").doesNotContain("href=\"#bekraftad-namn\"");
        assertThat(new WebClient("http://localhost:" + port).messagesSentTo(user.mobile().e164())).isZero();
    }

    @Test
    void sendWhenClientClaimsConfirmationOfEmptyAnswersThenTheServerComparesAgainAndRefuses() throws Exception {
        SmsUser user = registry.smsUser(PASSWORD);

        MockHttpServletResponse response = submit(user, Map.of(), "skicka",
                List.of("namn", "personnummer", "mobil", "epost", "organisation"));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("KC-003", "KC-004", "KC-005", "KC-006", "KC-007");
    }

    @Test
    void pageWhenPersonHasNoSmsLoginThenRefusedWithKc002() throws Exception {
        Person person = registry.person("Utan", "Sms");
        registry.registry().addGrant(person.id(), registry.organisation(), Set.of(Role.INSATSANSVARIG),
                LocalDate.now().minusDays(1), LocalDate.now().plusDays(1), AccessStatus.ACTIVE, Optional.empty());
        String path = "/console/personer/" + person.id() + "/nytt-masterlosenord";

        MockHttpServletResponse page = perform(get(path).with(kundcenter));
        MockHttpServletResponse send = perform(post(path).param("atgard", "skicka").with(kundcenter).with(csrf()));

        for (MockHttpServletResponse response : List.of(page, send)) {
            assertThat(response.getStatus()).isEqualTo(409);
            assertThat(response.getContentAsString()).contains("KC-002",
                    "Personen har ingen behörighet med SMS-inloggning, så inget masterlösenord kan skickas.");
        }
    }

    // --- sending --------------------------------------------------------------------------------

    @Test
    void sendWhenAllMatchAndConfirmedThenFlashSmsWithANewPasswordThatLogsInAndTheOldOneStopsWorking()
            throws Exception {
        SmsUser user = registry.smsUser(PASSWORD);
        WebClient personsSession = loggedIn(user, PASSWORD);
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure(user.person().personnummer());
        }

        MockHttpServletResponse sent = sendConfirmed(user, truthful(user, grant(user)));

        assertThat(sent.getStatus()).isEqualTo(302);
        assertThat(sent.getRedirectedUrl()).isEqualTo("/console/personer/" + user.person().id() + "?skickat");
        WebClient outbox = new WebClient("http://localhost:" + port);
        String newPassword = outbox.latestMasterPasswordSentTo(user.mobile().e164());
        assertThat(outbox.latestSmsTo(user.mobile().e164()).flash()).as("flash").isTrue();
        assertThat(newPassword).hasSize(8).isNotEqualTo(PASSWORD);

        String confirmation = perform(get(sent.getRedirectedUrl()).with(kundcenter)).getContentAsString();
        assertThat(confirmation).contains("Ett nytt masterlösenord har skickats som flash-SMS till "
                + MaskedMobile.of(user.mobile()), "Inte låst", "0 misslyckade försök i rad")
                .doesNotContain(newPassword);
        assertThat(throttle.state(user.person().personnummer())).isEqualTo(new LoginThrottle.State.Open(0));
        assertThat(personsSession.get("/sus").redirectsTo("/login")).as("the person's session ended").isTrue();

        List<Map<String, Object>> audited = jdbc.sql("SELECT * FROM audit_event WHERE personnummer = :p")
                .param("p", user.personnummer()).query().listOfRows();
        assertThat(audited.toString()).doesNotContain(newPassword, user.mobile().e164(), user.mobile().e164().substring(3));
        assertThat(audit("KC_NEW_MASTER_PASSWORD", user.person())).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("outcome", "SUCCESS")
                .containsEntry("actor", staffMember.personnummer().masked() + " Karin Kundcenter")
                .containsEntry("details", "identitetskontroll: namn ✓ personnummer ✓ mobil ✓ e-post ✓ organisation ✓; "
                        + "tillfälligt låst→olåst, misslyckade 5→0; sessioner avslutade 1"));

        WebClient old = new WebClient("http://localhost:" + port);
        old.get("/login/sms");
        WebClient.Page refused = old.post("/login/sms", "personnummer", user.personnummer(), "password", PASSWORD);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.text()).contains("SMS-003");
        loggedIn(user, newPassword);
    }

    @Test
    void sendWhenTheGatewayRefusesThenKc009AndTheOldPasswordAndLockStay() throws Exception {
        SmsUser user = registry.smsUser(PASSWORD);
        for (int i = 0; i < 20; i++) {
            throttle.recordFailure(user.person().personnummer());
        }
        KundcenterActions failing = new KundcenterActions(registry.registry(), masterPasswords, throttle,
                message -> {
                    throw new SmsSendException("operator down");
                }, context.getBean(SmsTemplates.class), context.getBean(PersonSessions.class),
                context.getBean(PersonOverview.class), context.getBean(ConsoleAudit.class),
                context.getBean(PlatformTransactionManager.class));
        SusPrincipal staff = new SusPrincipal(staffMember.id(), staffMember.personnummer(), staffMember.fullName(),
                LoginMethod.BANKID, Instant.now(), List.of(), List.of("KUNDCENTER"));

        assertThatThrownBy(() -> failing.sendNewMasterPassword(staff, user.person(), "127.0.0.1", "identitetskontroll"))
                .isInstanceOfSatisfying(SusException.class, e -> assertThat(e.errorCode().code()).isEqualTo("KC-009"));

        assertThat(masterPasswords.verify(Optional.of(user.person().id()), PASSWORD)).isTrue();
        assertThat(throttle.state(user.person().personnummer())).isEqualTo(new LoginThrottle.State.Locked());
        assertThat(audit("KC_NEW_MASTER_PASSWORD", user.person())).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("outcome", "FAILURE").containsEntry("error_code", "KC-009"));
    }
}
