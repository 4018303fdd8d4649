package se.susam.inloggning.console;

import static org.assertj.core.api.Assertions.assertThat;
import static se.susam.inloggning.testsupport.CookieCsrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import se.susam.inloggning.access.Person;
import se.susam.inloggning.testsupport.DatabaseTest;
import se.susam.inloggning.testsupport.StaffLogins;
import se.susam.inloggning.testsupport.TestRegistry;

/** Spring Security's refusals of a logged-in person are audited with who, what and where. */
@DatabaseTest
@AutoConfigureMockMvc
class AuditedAccessDenialTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestRegistry registry;

    private List<Map<String, Object>> denials(Person person) {
        return jdbc.sql("SELECT * FROM audit_event WHERE event_type = 'ACCESS_DENIED' AND personnummer = :p")
                .param("p", person.personnummer().value()).query().listOfRows();
    }

    @Test
    void consolePageWhenRoleDoesNotOpenItThen403AndAuditedWithActorAndPathButNoQuery() throws Exception {
        Person orderer = registry.person("Berit", "Beställare");

        mvc.perform(get("/console/personer?personnummer=" + orderer.personnummer().value())
                        .with(StaffLogins.staff(orderer, "BESTALLARE")))
                .andExpect(status().isForbidden());

        assertThat(denials(orderer)).singleElement().satisfies(row -> {
            assertThat(row.get("outcome")).isEqualTo("DENIED");
            assertThat(row.get("error_code")).isEqualTo("GEN-004");
            assertThat((String) row.get("actor")).isEqualTo(orderer.personnummer().masked() + " Berit Beställare");
            assertThat(row.get("details")).isEqualTo("GET /console/personer");
        });
    }

    @Test
    void consoleFormWhenPostedWithoutCsrfTokenThen403AndAuditedAsCsrf() throws Exception {
        Person kundcenter = registry.person("Kalle", "Kundcenter");

        mvc.perform(post("/console/personer").param("personnummer", "198001149825")
                        .with(StaffLogins.staff(kundcenter, "KUNDCENTER")))
                .andExpect(status().isForbidden());

        assertThat(denials(kundcenter)).singleElement().satisfies(row -> assertThat((String) row.get("details"))
                .isEqualTo("POST /console/personer (CSRF-token saknas eller är ogiltig)").doesNotContain("198001149825"));
    }

    @Test
    void consolePageWhenRoleOpensItThenNoDenialAudited() throws Exception {
        Person kundcenter = registry.person("Klara", "Kundcenter");

        mvc.perform(get("/console/personer").with(StaffLogins.staff(kundcenter, "KUNDCENTER")).with(csrf()))
                .andExpect(status().isOk());

        assertThat(denials(kundcenter)).isEmpty();
    }

    @Test
    void consolePageWhenAnonymousThenSentToLoginAndNothingAudited() throws Exception {
        long before = jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE event_type = 'ACCESS_DENIED'")
                .query(Long.class).single();

        mvc.perform(get("/console/personer")).andExpect(status().isFound());

        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE event_type = 'ACCESS_DENIED'")
                .query(Long.class).single()).isEqualTo(before);
    }
}
