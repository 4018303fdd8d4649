package se.susam.inloggning.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.susam.inloggning.testsupport.DatabaseTest;
import se.susam.inloggning.testsupport.WebClient;

@DatabaseTest
class ErrorCataloguePageTest {

    @LocalServerPort
    int port;

    @Test
    void smsCatalogueWhenShownThenEveryCodeOfItsFamiliesWithMessageCauseAndRemedy() {
        WebClient browser = new WebClient("http://localhost:" + port);
        WebClient.Page page = browser.get("/support/vanliga-felmeddelanden/sms");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("Vanliga felmeddelanden (SMS-inloggning)", "Orsak", "Gör så här");
        for (ErrorCode code : ErrorCode.values()) {
            if (CatalogueRoutes.SMS.families().contains(code.family())) {
                assertThat(page.body()).contains("id=\"" + code.code() + "\"");
            }
        }
        assertThat(page.text()).contains("Fel personnummer eller lösenord.", "Engångslösenet har gått ut.");
    }

    @Test
    void catalogueWhenEnglishChosenThenEnglishTexts() {
        WebClient browser = new WebClient("http://localhost:" + port);
        WebClient.Page page = browser.get("/support/vanliga-felmeddelanden/sms?lang=en");
        assertThat(page.text()).contains("Common error messages (SMS login)", "Wrong personal identity number or password.");
        assertThat(page.body()).contains("lang=\"en\"");
    }

    @Test
    void catalogueWhenUnknownPageThen404WithCode() {
        WebClient.Page page = new WebClient("http://localhost:" + port).get("/support/vanliga-felmeddelanden/nope");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.text()).contains("GEN-003", "Sidan finns inte.");
    }

    @Test
    void unknownAddressWhenVisitedThen404PageWithCodeAndReference() {
        WebClient.Page page = new WebClient("http://localhost:" + port).get("/support/finns-inte");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.text()).contains("GEN-003").containsPattern("Referens\\s*:\\s*[A-Z0-9]{10}");
    }
}
