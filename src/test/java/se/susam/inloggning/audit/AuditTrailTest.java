package se.susam.inloggning.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.susam.inloggning.testsupport.DatabaseTest;
import se.susam.inloggning.testsupport.TestRegistry;
import se.susam.inloggning.testsupport.WebClient;

/** Every login attempt lands in the append-only audit trail (SPEC §4). */
@DatabaseTest
class AuditTrailTest {

    @LocalServerPort
    int port;

    @Autowired
    TestRegistry registry;

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void loginAttemptsWhenMadeThenEachAuditedWithOutcomeCodeMethodAndAddress() {
        TestRegistry.SmsUser user = registry.smsUser("Pw8rVhc6");
        WebClient browser = new WebClient("http://localhost:" + port);
        browser.get("/login/sms");
        browser.post("/login/sms", "personnummer", user.personnummer(), "password", "Wrong000");
        browser.post("/login/sms", "personnummer", user.personnummer(), "password", "Pw8rVhc6");
        browser.get("/login/sms/kod");
        browser.post("/login/sms/kod", "code", browser.latestCodeSentTo(user.mobile().e164()));

        List<AuditRecord> records = trail.recentFor(user.person().personnummer(), 10);
        assertThat(records).extracting(AuditRecord::type, AuditRecord::outcome, AuditRecord::errorCode)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("LOGIN", "SUCCESS", null),
                        org.assertj.core.groups.Tuple.tuple("LOGIN_CODE", "SUCCESS", null),
                        org.assertj.core.groups.Tuple.tuple("LOGIN_PASSWORD", "SUCCESS", null),
                        org.assertj.core.groups.Tuple.tuple("LOGIN_PASSWORD", "FAILURE", "SMS-003"));
        assertThat(records).allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("SMS");
            assertThat(r.clientIp()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
            assertThat(r.correlationId()).matches("[A-Z0-9]{10}");
            assertThat(r.subject()).isEqualTo(user.person().personnummer());
        });
    }

    @Test
    void auditRowsWhenChangedOrDeletedThenDatabaseRefuses() {
        TestRegistry.SmsUser user = registry.smsUser("Pw8rVhc6");
        WebClient browser = new WebClient("http://localhost:" + port);
        browser.get("/login/sms");
        browser.post("/login/sms", "personnummer", user.personnummer(), "password", "Wrong000");
        String pnr = user.personnummer();

        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET outcome = 'SUCCESS' WHERE personnummer = :p")
                .param("p", pnr).update()).isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event WHERE personnummer = :p").param("p", pnr).update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThat(trail.recentFor(user.person().personnummer(), 10)).hasSize(1)
                .first().extracting(AuditRecord::outcome).isEqualTo("FAILURE");
    }

    @Test
    void searchAndEventTypesWhenTrailHasManyTypesThenNewestOfTheTypeFirstAndEachTypeOnce() {
        // In the past, so other tests' newest events stay the newest in the shared database.
        Instant base = Instant.parse("2001-01-01T00:00:00Z");
        for (int i = 0; i < 30; i++) {
            trail.on(new AuditRecord(base.plusSeconds(i), "TEST_TYPE_" + (char) ('A' + i % 3), "SMS", "SUCCESS", null,
                    null, "kundtjänst " + i, "127.0.0.1", "TESTCORR" + (10 + i), null));
        }

        assertThat(trail.eventTypes()).contains("TEST_TYPE_A", "TEST_TYPE_B", "TEST_TYPE_C")
                .doesNotHaveDuplicates().isSorted();
        assertThat(trail.search(Optional.empty(), Optional.of("TEST_TYPE_B"), 3)).extracting(AuditRecord::actor)
                .containsExactly("kundtjänst 28", "kundtjänst 25", "kundtjänst 22");
    }

    @Test
    void granskningQueriesWhenPlannedThenReadTheIndexesNotTheWholeTrail() throws SQLException {
        String newest = "SELECT id FROM audit_event ORDER BY occurred_at DESC, id DESC LIMIT 50";
        String ofType = "SELECT id FROM audit_event WHERE event_type = 'LOGIN' ORDER BY occurred_at DESC, id DESC"
                + " LIMIT 50";
        try (Connection connection = dataSource.getConnection()) {
            if (connection.getMetaData().getDatabaseProductName().contains("PostgreSQL")) {
                // A test database is tiny, where a full scan is cheapest; forbid it to see what an index
                // can serve, as the planner will choose once the trail is large.
                connection.setAutoCommit(false);
                try {
                    connection.createStatement().execute("SET LOCAL enable_seqscan = off");
                    connection.createStatement().execute("SET LOCAL enable_sort = off");
                    assertThat(plan(connection, newest)).contains("using audit_event_recent")
                            .doesNotContain("Sort");
                    assertThat(plan(connection, ofType)).contains("audit_event_type").doesNotContain("Sort");
                } finally {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
            } else {
                assertThat(plan(connection, newest)).containsIgnoringCase("audit_event_recent")
                        .containsIgnoringCase("index sorted");
                // H2 reads only the type's rows through the index, but sorts them: it orders by an index
                // only when the ORDER BY columns begin it.
                assertThat(plan(connection, ofType)).containsIgnoringCase("audit_event_type");
            }
        }
    }

    private static String plan(Connection connection, String query) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (var rs = connection.createStatement().executeQuery("EXPLAIN " + query)) {
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
        }
        return String.join("\n", lines);
    }
}
