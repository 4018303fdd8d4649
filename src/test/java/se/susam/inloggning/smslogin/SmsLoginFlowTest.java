package se.susam.inloggning.smslogin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.susam.inloggning.testsupport.DatabaseTest;
import se.susam.inloggning.testsupport.TestRegistry;
import se.susam.inloggning.testsupport.WebClient;

@DatabaseTest
class SmsLoginFlowTest {

    @LocalServerPort
    int port;

    @Autowired
    TestRegistry registry;

    @Test
    void loginWhenPasswordAndCodeAreRightThenLandsInSusWithNameOrganisationAndRoles() {
        TestRegistry.SmsUser user = registry.smsUser("Kaxe4Rpt");
        WebClient browser = new WebClient("http://localhost:" + port);
        browser.get("/login/sms");

        WebClient.Page step1 = browser.post("/login/sms", "personnummer", user.personnummer(), "password", "Kaxe4Rpt");
        assertThat(step1.status()).isEqualTo(302);
        assertThat(step1.redirectsTo("/login/sms/kod")).isTrue();

        WebClient.Page codePage = browser.get("/login/sms/kod");
        assertThat(codePage.text()).contains("Skriv in ditt engångslösen", "Bekräfta engångslösen", "Fick du inget SMS?");
        String code = browser.latestCodeSentTo(user.mobile().e164());

        WebClient.Page step2 = browser.post("/login/sms/kod", "code", code);
        assertThat(step2.redirectsTo("/sus")).isTrue();

        WebClient.Page sus = browser.get("/sus");
        assertThat(sus.status()).isEqualTo(200);
        assertThat(sus.text()).contains("Välkommen, Test Person", "SMS-inloggning", "Insatsansvarig", "Logga ut");
    }
}
