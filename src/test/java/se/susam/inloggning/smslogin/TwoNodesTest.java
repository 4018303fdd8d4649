package se.susam.inloggning.smslogin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import se.susam.inloggning.testsupport.TestNodes;
import se.susam.inloggning.testsupport.TestRegistry;
import se.susam.inloggning.testsupport.WebClient;

/**
 * Two application instances on one database behind an imagined load balancer: step 1 on one node,
 * step 2 and the SUS page on the other, and the session survives the first node stopping (SPEC §4:
 * "any node can serve any request").
 */
@Tag("database")
class TwoNodesTest {

    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startTwoNodes() {
        String url = TestNodes.sharedDatabaseUrl("two-nodes");
        nodeA = TestNodes.start(url);
        nodeB = TestNodes.start(url);
    }

    @AfterAll
    static void stopNodes() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null && nodeA.isActive()) {
            nodeA.close();
        }
    }

    private static String base(ConfigurableApplicationContext node) {
        return TestNodes.base(node);
    }

    @Test
    void loginWhenStep1OnOneNodeAndStep2OnAnotherThenLandsInSusAndSurvivesFirstNodeStopping() {
        TestRegistry registry = new TestRegistry(
                nodeA.getBean(se.susam.inloggning.access.AccessRegistry.class),
                nodeA.getBean(se.susam.inloggning.credentials.MasterPasswords.class));
        TestRegistry.SmsUser user = registry.smsUser("Kaxe4Rpt");

        WebClient browser = new WebClient(base(nodeA));
        browser.get("/login/sms");
        assertThat(browser.post("/login/sms", "personnummer", user.personnummer(), "password", "Kaxe4Rpt")
                .redirectsTo("/login/sms/kod")).isTrue();

        browser.at(base(nodeB));
        WebClient.Page codePage = browser.get("/login/sms/kod");
        assertThat(codePage.status()).isEqualTo(200);
        assertThat(codePage.text()).contains("Vi har skickat ett engångslösen", "Bekräfta engångslösen");
        String code = browser.latestCodeSentTo(user.mobile().e164());
        assertThat(browser.post("/login/sms/kod", "code", code).redirectsTo("/sus")).isTrue();

        browser.at(base(nodeA));
        assertThat(browser.get("/sus").text()).contains("Välkommen, Test Person");
        nodeA.close();
        browser.at(base(nodeB));
        assertThat(browser.get("/sus").status()).isEqualTo(200);
    }
}
