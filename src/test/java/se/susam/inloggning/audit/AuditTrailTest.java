package se.susam.inloggning.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

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
}
