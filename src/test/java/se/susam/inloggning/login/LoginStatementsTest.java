package se.susam.inloggning.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
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
 * The statements a complete SMS login costs the access registry and the failure counter, counted by
 * H2's query statistics (H2 only, as {@code SessionStatementsTest}): a person's grants are one
 * statement each time they are read (step 1 for the mobile number, the access gate after step 2),
 * and a login with no failure counted deletes no counter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestSupportConfiguration.class)
class LoginStatementsTest {

    @LocalServerPort
    int port;

    @Autowired
    TestRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @Test
    void smsLoginWhenNoFailuresThenGrantsReadInOneStatementEachAndNoCounterDeleted() {
        SmsUser user = registry.smsUser("Tg3kYbn9");
        WebClient browser = new WebClient("http://localhost:" + port);
        jdbc.sql("SET QUERY_STATISTICS FALSE").update();
        jdbc.sql("SET QUERY_STATISTICS TRUE").update();

        browser.get("/login/sms");
        browser.post("/login/sms", "personnummer", user.personnummer(), "password", user.masterPassword());
        assertThat(browser.post("/login/sms/kod", "code", browser.latestCodeSentTo(user.mobile().e164()))
                .redirectsTo("/sus")).isTrue();
        Map<String, Integer> statements = statements();

        assertThat(statements.entrySet()).filteredOn(s -> s.getKey().contains("access_grant"))
                .singleElement().satisfies(s -> {
                    assertThat(s.getKey()).contains("access_grant_role");
                    assertThat(s.getValue()).isEqualTo(2);
                });
        assertThat(statements.keySet()).filteredOn(s -> s.contains("login_throttle"))
                .allMatch(s -> s.startsWith("SELECT"));
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

    /** Statements since the statistics were switched on, and how often each ran. */
    private Map<String, Integer> statements() {
        Map<String, Integer> found = new LinkedHashMap<>();
        jdbc.sql("SELECT sql_statement, execution_count FROM information_schema.query_statistics")
                .query((rs, n) -> Map.entry(rs.getString(1).strip().replaceAll("\\s+", " "), rs.getInt(2))).list()
                .forEach(s -> found.merge(s.getKey(), s.getValue(), Integer::sum));
        return found;
    }
}
