package se.susam.inloggning.orders;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import se.susam.inloggning.identity.Personnummer;
import se.susam.inloggning.testsupport.TestRegistry;
import se.susam.inloggning.testsupport.WebClient;

/** What every order test starts from: a fresh {@link OrderConsole} (organisations and staff) per test. */
abstract class OrderConsoleTestSupport {

    @LocalServerPort
    int port;

    @Autowired
    WebApplicationContext context;

    @Autowired
    TestRegistry registry;

    @Autowired
    JdbcClient jdbc;

    OrderConsole console;

    /**
     * SMS login over real HTTP in {@code browser}: the master password, then the one-time code sent to
     * {@code e164}. Returns the page reached: SUS, or the page that refused.
     */
    static WebClient.Page smsLogin(WebClient browser, Personnummer personnummer, String password, String e164) {
        browser.get("/login/sms");
        WebClient.Page step1 = browser.post("/login/sms", "personnummer", personnummer.value(), "password", password);
        if (!step1.redirectsTo("/login/sms/kod")) {
            return step1;
        }
        browser.get("/login/sms/kod");
        WebClient.Page step2 = browser.post("/login/sms/kod", "code", browser.latestCodeSentTo(e164));
        return step2.redirectsTo("/sus") ? browser.get("/sus") : step2;
    }

    @BeforeEach
    void newConsole() {
        console = new OrderConsole(MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity()).build(), registry, jdbc);
    }
}
