package se.susam.inloggning.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import se.susam.inloggning.testsupport.TestRegistry;
import se.susam.inloggning.testsupport.TestRegistry.SmsUser;
import se.susam.inloggning.testsupport.TestSupportConfiguration;
import se.susam.inloggning.testsupport.WebClient;

/**
 * The statements a login and the requests after it cost, counted by H2's query statistics. A
 * request that changes nothing in its session reads it once, without a transaction, and writes
 * nothing ({@link SessionStore}, {@link SessionTransactions}); Spring Session alone read it twice,
 * in two transactions, and updated its row. A person's grants are one
 * statement each time they are read (step 1 for the mobile number, the access gate after step 2),
 * and a login with no failure counted deletes no counter, nor looks for relying parties to tell that
 * the session it began in ended. H2 only: PostgreSQL has no per-statement
 * counts without an extension; {@code LoginSessionTest} checks the same session row on both
 * databases.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestSupportConfiguration.class)
class SessionStatementsTest {

    @LocalServerPort
    int port;

    @Autowired
    TestRegistry registry;

    @Autowired
    JdbcClient jdbc;

    /**
     * The first page after login as well as the next: the login stored the new session's CSRF token
     * (for the page's "Logga ut" form) with the rest of the session, so the page changes nothing.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void requestWhenSessionUnchangedThenOneReadAndNoWriteOfTheSession(int page) {
        SmsUser user = registry.smsUser("Tg3kYbn9");
        WebClient browser = new WebClient("http://localhost:" + port);
        browser.get("/login/sms");
        browser.post("/login/sms", "personnummer", user.personnummer(), "password", user.masterPassword());
        browser.get("/login/sms/kod");
        assertThat(browser.post("/login/sms/kod", "code", browser.latestCodeSentTo(user.mobile().e164()))
                .redirectsTo("/sus")).isTrue();
        for (int before = 1; before < page; before++) {
            assertThat(browser.get("/sus").status()).isEqualTo(200);
        }

        startCounting();
        assertThat(browser.get("/sus").status()).isEqualTo(200);
        Map<String, Integer> statements = sessionStatements();
        Map<String, Integer> all = statementsCounted();

        assertThat(statements.entrySet()).filteredOn(s -> s.getKey().startsWith("SELECT"))
                .singleElement().extracting(Map.Entry::getValue).isEqualTo(1);
        assertThat(statements.keySet()).noneMatch(s -> s.startsWith("UPDATE") || s.startsWith("INSERT")
                || s.startsWith("DELETE"));
        // The read runs without a transaction of its own (SessionTransactions): nothing to commit.
        assertThat(all.keySet()).noneMatch(s -> s.startsWith("COMMIT"));
    }

    @Test
    void smsLoginWhenNoFailuresThenGrantsReadInOneStatementEachAndNoCounterDeleted() {
        SmsUser user = registry.smsUser("Tg3kYbn9");
        WebClient browser = new WebClient("http://localhost:" + port);
        startCounting();

        browser.get("/login/sms");
        browser.post("/login/sms", "personnummer", user.personnummer(), "password", user.masterPassword());
        assertThat(browser.post("/login/sms/kod", "code", browser.latestCodeSentTo(user.mobile().e164()))
                .redirectsTo("/sus")).isTrue();
        Map<String, Integer> statements = statementsCounted();

        assertThat(statements.entrySet()).filteredOn(s -> s.getKey().contains("access_grant"))
                .singleElement().satisfies(s -> {
                    assertThat(s.getKey()).contains("access_grant_role");
                    assertThat(s.getValue()).isEqualTo(2);
                });
        assertThat(statements.keySet()).filteredOn(s -> s.contains("login_throttle"))
                .allMatch(s -> s.startsWith("SELECT"));
        // The session the login began in was never logged in, so no relying party is looked for to tell.
        assertThat(statements.keySet()).noneMatch(s -> s.contains("oidc_session_client"));
    }

    @Test
    void smsLoginWhenFailuresCountedThenCounterDeleted() {
        SmsUser user = registry.smsUser("Tg3kYbn9");
        WebClient browser = new WebClient("http://localhost:" + port);
        browser.get("/login/sms");
        browser.post("/login/sms", "personnummer", user.personnummer(), "password", "Wrong000");
        browser.post("/login/sms", "personnummer", user.personnummer(), "password", user.masterPassword());
        assertThat(browser.post("/login/sms/kod", "code", browser.latestCodeSentTo(user.mobile().e164()))
                .redirectsTo("/sus")).isTrue();

        assertThat(jdbc.sql("SELECT COUNT(*) FROM login_throttle WHERE personnummer = :p")
                .param("p", user.personnummer()).query(Integer.class).single()).isZero();
    }

    private void startCounting() {
        jdbc.sql("SET QUERY_STATISTICS FALSE").update();
        jdbc.sql("SET QUERY_STATISTICS TRUE").update();
    }

    /** Statements since {@link #startCounting}, whitespace folded, and how often each ran. */
    private Map<String, Integer> statementsCounted() {
        Map<String, Integer> found = new LinkedHashMap<>();
        jdbc.sql("SELECT sql_statement, execution_count FROM information_schema.query_statistics")
                .query((rs, n) -> Map.entry(rs.getString(1).strip().replaceAll("\\s+", " "), rs.getInt(2))).list()
                .forEach(s -> found.merge(s.getKey(), s.getValue(), Integer::sum));
        return found;
    }

    /** Statements on the session tables since {@link #startCounting}, and how often each ran. */
    private Map<String, Integer> sessionStatements() {
        Map<String, Integer> found = statementsCounted();
        found.keySet().removeIf(sql -> !sql.toUpperCase().contains("SPRING_SESSION")
                || sql.toUpperCase().contains("EXPIRY_TIME <"));
        return found;
    }
}
