package se.susam.inloggning.kundcenter;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;

import se.susam.inloggning.access.Person;
import se.susam.inloggning.credentials.LoginThrottle;
import se.susam.inloggning.testsupport.StaffLogins;
import se.susam.inloggning.testsupport.TestRegistry;

/**
 * What tests of Kundcenter's console share: the running application, a staff member with the
 * KUNDCENTER role ({@link #kundcenter}, to log a MockMvc request in as them) and the master
 * password the test registry gives SMS users.
 */
abstract class KundcenterTestBase {

    static final String PASSWORD = "Kaxe4Rpt";

    @LocalServerPort
    int port;

    @Autowired
    WebApplicationContext context;

    @Autowired
    TestRegistry registry;

    @Autowired
    LoginThrottle throttle;

    @Autowired
    JdbcClient jdbc;

    MockMvc mvc;
    Person staffMember;
    RequestPostProcessor kundcenter;

    @BeforeEach
    void setUp() {
        mvc = ConsoleTests.mvc(context);
        staffMember = registry.person("Karin", "Kundcenter");
        kundcenter = StaffLogins.staff(staffMember, "KUNDCENTER");
    }

    MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }
}
