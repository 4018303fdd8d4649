package se.susam.inloggning.kundcenter;

import static org.assertj.core.api.Assertions.assertThat;
import static se.susam.inloggning.testsupport.CookieCsrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;

import se.susam.inloggning.testsupport.DatabaseTest;
import se.susam.inloggning.testsupport.MutableClock;
import se.susam.inloggning.testsupport.StaffLogins;
import se.susam.inloggning.testsupport.TestRegistry;
import se.susam.inloggning.testsupport.TestRegistry.SmsUser;
import se.susam.inloggning.testsupport.WebClient;

/**
 * The caller verified by BankID on their phone instead of the checklist, against the demo BankID
 * simulator: Kundcenter starts {@code /phone/auth}, the caller approves in the app, and a new master
 * password may then be sent once.
 */
@DatabaseTest
class CallerBankIdTest {

    @LocalServerPort
    int port;

    @Autowired
    WebApplicationContext context;

    @Autowired
    TestRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    MockMvc mvc;
    RequestPostProcessor kundcenter;
    MockHttpSession staffSession;
    WebClient app;

    @BeforeEach
    void setUp() {
        mvc = ConsoleTests.mvc(context);
        kundcenter = StaffLogins.staff(registry.person("Karin", "Kundcenter"), "KUNDCENTER");
        staffSession = new MockHttpSession();
        app = new WebClient("http://localhost:" + port);
        app.get("/dev/bankid/app");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.session(staffSession).with(kundcenter).with(csrf())).andReturn().getResponse();
    }

    private String path(SmsUser user) {
        return "/console/personer/" + user.person().id() + "/nytt-masterlosenord";
    }

    /** Starts the order and opens it in the simulated app, as the caller holding their phone. */
    private String startAndOpen(SmsUser user) throws Exception {
        MockHttpServletResponse started = perform(post(path(user) + "/bankid"));
        assertThat(started.getRedirectedUrl()).isEqualTo(path(user) + "/bankid");
        String orderRef = ((CallerBankId.Verification) staffSession.getAttribute(
                "kundcenter.bankid." + user.person().id())).orderRef();
        app.post("/dev/bankid/app/oppna", "action", "scan", "orderRef", orderRef, "person", "annan",
                "personnummer", user.personnummer());
        return orderRef;
    }

    @Test
    void bankIdWhenCallerApprovesThenVerifiedAndOneNewMasterPasswordMayBeSent() throws Exception {
        SmsUser user = registry.smsUser("Kaxe4Rpt");
        String orderRef = startAndOpen(user);

        MockHttpServletResponse waiting = perform(get(path(user) + "/bankid"));
        assertThat(waiting.getContentAsString()).contains("öppna BankID-appen och godkänna", "http-equiv=\"refresh\"");

        app.post("/dev/bankid/app/order/" + orderRef, "action", "identify");
        clock.advance(CallerBankId.COLLECT_INTERVAL);
        MockHttpServletResponse verified = perform(get(path(user) + "/bankid"));
        assertThat(verified.getContentAsString()).contains("Den som ringer har legitimerat sig med BankID.",
                "value=\"skicka-bankid\"");

        MockHttpServletResponse sent = perform(post(path(user)).param("atgard", "skicka-bankid"));
        assertThat(sent.getRedirectedUrl()).endsWith("?skickat");
        assertThat(app.get("/dev/sms/outbox.json").body())
                .containsPattern("\"to\":\"\\" + user.mobile().e164() + "\",\"text\":\"Ditt nya masterlösenord[^\"]*\",\"flash\":true");
        assertThat(ConsoleTests.audit(jdbc, "KC_NEW_MASTER_PASSWORD", user.person())).singleElement()
                .satisfies(row -> assertThat((String) row.get("details")).startsWith("identitetskontroll: BankID;"));

        MockHttpServletResponse again = perform(post(path(user)).param("atgard", "skicka-bankid"));
        assertThat(again.getStatus()).as("a verification is used once").isEqualTo(409);
        assertThat(again.getContentAsString()).contains("KC-010");
    }

    @Test
    void waitingPageWhenReloadedWithinTwoSecondsThenBankIdIsNotAskedAgain() throws Exception {
        SmsUser user = registry.smsUser("Kaxe4Rpt");
        String orderRef = startAndOpen(user);
        perform(get(path(user) + "/bankid"));
        app.post("/dev/bankid/app/order/" + orderRef, "action", "identify");

        assertThat(perform(get(path(user) + "/bankid")).getContentAsString()).as("within 2 s: the last answer")
                .contains("öppna BankID-appen och godkänna");
        clock.advance(CallerBankId.COLLECT_INTERVAL);
        assertThat(perform(get(path(user) + "/bankid")).getContentAsString())
                .contains("Den som ringer har legitimerat sig med BankID.");
    }

    @Test
    void bankIdWhenCallerCancelsThenKc010AndNothingMaySendWithoutTheChecklist() throws Exception {
        SmsUser user = registry.smsUser("Kaxe4Rpt");
        String orderRef = startAndOpen(user);
        app.post("/dev/bankid/app/order/" + orderRef, "action", "cancel");

        MockHttpServletResponse failed = perform(get(path(user) + "/bankid"));

        assertThat(failed.getStatus()).isEqualTo(409);
        assertThat(failed.getContentAsString()).contains("KC-010", "Legitimeringen med BankID blev inte av.");
        assertThat(perform(post(path(user)).param("atgard", "skicka-bankid")).getStatus()).isEqualTo(409);
        assertThat(app.messagesSentTo(user.mobile().e164())).isZero();
    }

    @Test
    void bankIdVerificationWhenForAnotherPersonThenDoesNotCountForThisOne() throws Exception {
        SmsUser verifiedPerson = registry.smsUser("Kaxe4Rpt");
        SmsUser other = registry.smsUser("Kaxe4Rpt");
        String orderRef = startAndOpen(verifiedPerson);
        app.post("/dev/bankid/app/order/" + orderRef, "action", "identify");
        perform(get(path(verifiedPerson) + "/bankid"));

        MockHttpServletResponse response = perform(post(path(other)).param("atgard", "skicka-bankid"));

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(response.getContentAsString()).contains("KC-010");
        assertThat(app.messagesSentTo(other.mobile().e164())).isZero();
    }
}
