package se.susam.inloggning.kundcenter;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import se.susam.inloggning.access.Person;

/** What the Kundcenter console tests share: MockMvc with the security chain, and the audit rows. */
final class ConsoleTests {

    private ConsoleTests() {
    }

    static MockMvc mvc(WebApplicationContext context) {
        return MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    /** The audit rows of one event type about {@code subject}, oldest first. */
    static List<Map<String, Object>> audit(JdbcClient jdbc, String type, Person subject) {
        return jdbc.sql("SELECT * FROM audit_event WHERE event_type = :t AND personnummer = :p ORDER BY id")
                .param("t", type).param("p", subject.personnummer().value()).query().listOfRows();
    }
}
