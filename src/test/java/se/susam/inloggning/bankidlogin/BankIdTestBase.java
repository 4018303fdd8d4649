package se.susam.inloggning.bankidlogin;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.susam.inloggning.testsupport.MutableClock;
import se.susam.inloggning.testsupport.TestRegistry;

/**
 * What tests of BankID login against the running application share: the server's port, the test
 * registry, the movable clock, the database, and a {@link BankIdTester}; the clock and the
 * simulator's scenarios are reset after each test.
 */
abstract class BankIdTestBase {

    @LocalServerPort
    int port;

    @Autowired
    TestRegistry registry;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    BankIdTester bankId;

    /**
     * Starts each test past the Driftinformation banner cache's lifetime, so that a maintenance
     * notice another test class ended directly in the database (leaving this node's cache stale)
     * cannot turn these logins away with 503.
     */
    @BeforeEach
    void pastTheNoticeCache() {
        bankId = new BankIdTester(port);
        clock.advance(Duration.ofSeconds(6));
    }

    @AfterEach
    void resetClockAndScenarios() {
        clock.reset();
        bankId.setScenarios(false, 0, 0);
    }
}
