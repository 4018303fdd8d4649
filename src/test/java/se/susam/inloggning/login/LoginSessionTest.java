package se.susam.inloggning.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.susam.inloggning.access.AccessStatus;
import se.susam.inloggning.testsupport.DatabaseTest;
import se.susam.inloggning.testsupport.MutableClock;
import se.susam.inloggning.testsupport.TestRegistry;
import se.susam.inloggning.testsupport.TestRegistry.SmsUser;
import se.susam.inloggning.testsupport.WebClient;
import se.susam.inloggning.testsupport.WebClient.Page;

/** The access gate after login, and the session it starts (SPEC §3.3, §4). */
@DatabaseTest
class LoginSessionTest {

    private static final String PASSWORD = "Tg3kYbn9";

    @LocalServerPort
    int port;

    @Autowired
    TestRegistry registry;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Page logIn(WebClient browser, SmsUser user) {
        browser.get("/login/sms");
        browser.post("/login/sms", "personnummer", user.personnummer(), "password", user.masterPassword());
        browser.get("/login/sms/kod");
        return browser.post("/login/sms/kod", "code", browser.latestCodeSentTo(user.mobile().e164()));
    }

    private WebClient browser() {
        return new WebClient("http://localhost:" + port);
    }

    @Test
    void loginWhenAccessExpiredThenNoAccessPageWith403AndNotLoggedIn() {
        SmsUser user = registry.smsUser(PASSWORD, AccessStatus.ACTIVE, LocalDate.now().minusYears(1),
                LocalDate.now().minusDays(1));
        WebClient browser = browser();
        Page page = logIn(browser, user);
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.text()).contains("Du saknar behörighet till SUS", "ACC-002", "har gått ut");
        assertThat(page.body()).contains("href=\"/behorigheter\"");
        assertThat(browser.get("/sus").redirectsTo("/login")).isTrue();
    }

    @Test
    void loginWhenAccessWithdrawnThenNoAccessPage() {
        SmsUser user = registry.smsUser(PASSWORD, AccessStatus.WITHDRAWN, LocalDate.now().minusYears(1),
                LocalDate.now().plusYears(1));
        Page page = logIn(browser(), user);
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.text()).contains("Du saknar behörighet till SUS", "ACC-003", "återkallats");
    }

    @Test
    void loginWhenAccessNotYetValidThenNoAccessPage() {
        SmsUser user = registry.smsUser(PASSWORD, AccessStatus.ACTIVE, LocalDate.now().plusDays(3),
                LocalDate.now().plusYears(1));
        Page page = logIn(browser(), user);
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.text()).contains("ACC-004");
    }

    @Test
    void loginWhenAccessEndsTodayThenStillValid() {
        SmsUser user = registry.smsUser(PASSWORD, AccessStatus.ACTIVE, LocalDate.now().minusYears(1), LocalDate.now());
        assertThat(logIn(browser(), user).redirectsTo("/sus")).isTrue();
    }

    @Test
    void loginWhenSucceededThenSessionIdRenewed() {
        SmsUser user = registry.smsUser(PASSWORD);
        WebClient browser = browser();
        logIn(browser, user);
        String first = browser.sessionId();

        logIn(browser, user);

        assertThat(browser.sessionId()).isNotNull().isNotEqualTo(first);
        assertThat(browser.get("/sus").status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE session_id = :id").param("id", first)
                .query(Integer.class).single()).as("the session before the login ended").isZero();
    }

    /** No session, and no row in the session table, before the login gives one. */
    @Test
    void loginPagesWhenVisitedThenNoSessionUntilLoggedIn() {
        SmsUser user = registry.smsUser(PASSWORD);
        WebClient browser = browser();
        browser.get("/login/sms");
        browser.post("/login/sms", "personnummer", user.personnummer(), "password", user.masterPassword());
        assertThat(browser.get("/login/sms/kod").status()).isEqualTo(200);
        assertThat(browser.sessionCookie()).isNull();

        assertThat(browser.post("/login/sms/kod", "code", browser.latestCodeSentTo(user.mobile().e164()))
                .redirectsTo("/sus")).isTrue();
        assertThat(browser.sessionId()).isNotNull();
        assertThat(browser.get("/sus").text()).contains(user.person().fullName());
    }

    @Test
    void susWhenAnonymousThenSentToLogin() {
        assertThat(browser().get("/sus").redirectsTo("/login")).isTrue();
    }

    @Test
    void logoutWhenPostedThenSessionEndedServerSide() {
        SmsUser user = registry.smsUser(PASSWORD);
        WebClient browser = browser();
        logIn(browser, user);
        browser.get("/sus");
        String sessionId = browser.sessionId();
        String countSql = "SELECT COUNT(*) FROM spring_session WHERE session_id = :id";
        assertThat(jdbc.sql(countSql).param("id", sessionId).query(Integer.class).single()).isEqualTo(1);
        Page logout = browser.post("/logout");
        assertThat(logout.redirectsTo("/?utloggad")).isTrue();
        assertThat(browser.get("/?utloggad").text()).contains("Du är utloggad.");
        int rows = jdbc.sql(countSql).param("id", sessionId).query(Integer.class).single();
        assertThat(rows).as("the session row is gone, not just the cookie").isZero();
        assertThat(browser.get("/sus").redirectsTo("/login")).isTrue();
    }

    @Test
    void logoutWhenPostedWithoutCsrfTokenThenRefused() {
        SmsUser user = registry.smsUser(PASSWORD);
        WebClient browser = browser();
        logIn(browser, user);
        WebClient.Page withoutToken = new WebClient("http://localhost:" + port).post("/logout");
        assertThat(withoutToken.status()).isEqualTo(403);
        assertThat(browser.get("/sus").status()).isEqualTo(200);
    }

    @Test
    void sessionWhenStartedThenIdleTimeoutIsThirtyMinutes() {
        SmsUser user = registry.smsUser(PASSWORD);
        WebClient browser = browser();
        logIn(browser, user);
        int idle = jdbc.sql("SELECT max_inactive_interval FROM spring_session WHERE session_id = :id")
                .param("id", browser.sessionId()).query(Integer.class).single();
        assertThat(idle).isEqualTo(30 * 60);
    }

    /**
     * The login's session attributes in their compact forms ({@link SessionAttributeCodec}), read
     * back by the next request.
     */
    @Test
    void loginWhenSucceededThenSessionAttributesStoredCompactlyAndReadBack() {
        SmsUser user = registry.smsUser(PASSWORD);
        WebClient browser = browser();
        logIn(browser, user);

        var forms = jdbc.sql("""
                        SELECT a.attribute_name, a.attribute_bytes FROM spring_session_attributes a
                        JOIN spring_session s ON s.primary_id = a.session_primary_id WHERE s.session_id = :id""")
                .param("id", browser.sessionId())
                .query((rs, i) -> java.util.Map.entry(rs.getString(1), rs.getBytes(2)[0])).list();
        assertThat(forms).containsExactlyInAnyOrder(java.util.Map.entry("SPRING_SECURITY_CONTEXT", (byte) 4),
                java.util.Map.entry(LoginCompletion.AUTHENTICATED_AT, (byte) 2));
        assertThat(browser.get("/sus").text()).contains(user.person().fullName());
    }

    private long lastAccess(WebClient browser) {
        return jdbc.sql("SELECT last_access_time FROM spring_session WHERE session_id = :id")
                .param("id", browser.sessionId()).query(Long.class).single();
    }

    /** Moves the stored last access (and so the expiry) {@code back} into the past. */
    private void storeLastAccessAgo(WebClient browser, Duration back) {
        long at = System.currentTimeMillis() - back.toMillis();
        jdbc.sql("UPDATE spring_session SET last_access_time = :at, expiry_time = :expiry WHERE session_id = :id")
                .param("at", at).param("expiry", at + Duration.ofMinutes(30).toMillis())
                .param("id", browser.sessionId()).update();
    }

    /** A logged-in browser whose session's stored last access is {@code ago} in the past. */
    private WebClient loggedInLastAccessed(Duration ago) {
        WebClient browser = browser();
        logIn(browser, registry.smsUser(PASSWORD));
        storeLastAccessAgo(browser, ago);
        return browser;
    }

    @Test
    void requestWhenLastAccessWrittenLessThanAMinuteAgoThenSessionRowNotWritten() {
        WebClient browser = loggedInLastAccessed(Duration.ofSeconds(50));
        long stored = lastAccess(browser);
        assertThat(browser.get("/sus").status()).isEqualTo(200);
        assertThat(browser.get("/sus").status()).isEqualTo(200);
        assertThat(lastAccess(browser)).isEqualTo(stored);
    }

    @Test
    void requestWhenLastAccessWrittenAMinuteAgoOrMoreThenWrittenAnew() {
        WebClient browser = loggedInLastAccessed(Duration.ofSeconds(61));
        long before = System.currentTimeMillis();
        assertThat(browser.get("/sus").status()).isEqualTo(200);
        assertThat(lastAccess(browser)).isGreaterThanOrEqualTo(before);
    }

    @Test
    void sessionWhenIdleForThirtyMinutesThenEnded() {
        WebClient browser = loggedInLastAccessed(Duration.ofMinutes(29).plusSeconds(50));
        assertThat(browser.get("/sus").status()).isEqualTo(200);
        storeLastAccessAgo(browser, Duration.ofMinutes(30).plusSeconds(1));
        assertThat(browser.get("/sus").redirectsTo("/login")).isTrue();
    }

    @Test
    void sessionWhenOlderThanTwelveHoursThenEndedHoweverActive() {
        SmsUser user = registry.smsUser(PASSWORD);
        WebClient browser = browser();
        logIn(browser, user);
        clock.advance(Duration.ofHours(11).plusMinutes(59));
        assertThat(browser.get("/sus").status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(2));
        Page expired = browser.get("/sus");
        assertThat(expired.redirectsTo("/login?session=utgangen")).isTrue();
        assertThat(browser.get("/login?session=utgangen").text()).contains("Din session har gått ut");
        assertThat(browser.get("/sus").redirectsTo("/login")).isTrue();
    }

    @Test
    void susPageWhenLoggedInThenShowsEveryValidOrganisationAndRole() {
        SmsUser user = registry.smsUser(PASSWORD);
        var other = registry.organisation();
        registry.registry().addGrant(user.person().id(), other,
                java.util.Set.of(se.susam.inloggning.access.Role.SAMVERKANSADMINISTRATOR),
                LocalDate.now().minusDays(1), LocalDate.now().plusDays(1), AccessStatus.ACTIVE,
                java.util.Optional.empty());
        WebClient browser = browser();
        logIn(browser, user);
        assertThat(browser.get("/sus").text())
                .contains(other.name(), "Samverkansadministratör", "Insatsansvarig", "Inloggad med : SMS-inloggning");
    }

    @Test
    void loginWhenAPageAskedForItThenContinuesToThatPageAfterTheAccessGate() {
        SmsUser user = registry.smsUser(PASSWORD);
        WebClient browser = browser();
        assertThat(browser.get("/sus?flik=behorigheter").redirectsTo("/login")).isTrue();
        assertThat(logIn(browser, user).location()).endsWith("/sus?flik=behorigheter");
    }

    @Test
    void loginWhenAPageAskedForItButAccessDeniedThenNoAccessPageNotThePage() {
        SmsUser user = registry.smsUser(PASSWORD, AccessStatus.WITHDRAWN, LocalDate.now().minusYears(1),
                LocalDate.now().plusYears(1));
        WebClient browser = browser();
        browser.get("/sus?flik=behorigheter");
        Page page = logIn(browser, user);
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.location()).isNull();
    }

    @Autowired
    PersonSessions personSessions;

    @Test
    void endAllWhenPersonHasTwoSessionsThenBothEndAndOthersStay() {
        SmsUser user = registry.smsUser(PASSWORD);
        SmsUser someoneElse = registry.smsUser(PASSWORD);
        WebClient first = browser();
        WebClient second = browser();
        WebClient other = browser();
        logIn(first, user);
        logIn(second, user);
        logIn(other, someoneElse);
        assertThat(personSessions.count(user.person().id())).isEqualTo(2);

        assertThat(personSessions.endAll(user.person().id(), java.util.Optional.empty())).isEqualTo(2);

        assertThat(first.get("/sus").redirectsTo("/login")).isTrue();
        assertThat(second.get("/sus").redirectsTo("/login")).isTrue();
        assertThat(other.get("/sus").status()).isEqualTo(200);
        assertThat(personSessions.count(user.person().id())).isZero();
    }

    @Test
    void endAllWhenOneSessionIsKeptThenOnlyTheOthersEnd() {
        SmsUser user = registry.smsUser(PASSWORD);
        WebClient kept = browser();
        WebClient ended = browser();
        logIn(kept, user);
        logIn(ended, user);

        assertThat(personSessions.endAll(user.person().id(), java.util.Optional.of(kept.sessionId()))).isEqualTo(1);

        assertThat(kept.get("/sus").status()).isEqualTo(200);
        assertThat(ended.get("/sus").redirectsTo("/login")).isTrue();
    }
}
