package se.susam.inloggning.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import se.susam.inloggning.identity.Personnummer;
import se.susam.inloggning.sms.SmsGateway;
import se.susam.inloggning.sms.SmsSendException;
import se.susam.inloggning.testsupport.DatabaseTest;
import se.susam.inloggning.testsupport.TestRegistry;

/**
 * When the SMS operator refuses the first master password, the approval still stands, the order
 * says clearly that the SMS failed, and the administrator can send a new first password.
 */
@DatabaseTest
class FirstPasswordSmsFailureTest extends OrderConsoleTestSupport {

    @MockitoSpyBean
    SmsGateway gateway;

    @AfterEach
    void realGatewayAgain() {
        Mockito.reset(gateway);
    }

    @Test
    void approveWhenSmsGatewayFailsThenOrderShowsItAndANewFirstPasswordCanBeSent() throws Exception {
        Personnummer person = TestRegistry.uniquePersonnummer();
        long id = console.orderFor(person, "070-174 06 90");
        doThrow(new SmsSendException("operator down")).doCallRealMethod().when(gateway).send(any());

        assertThat(console.approve(console.admin, id).getStatus()).isEqualTo(302);

        assertThat(console.status(id)).isEqualTo("APPROVED");
        assertThat(console.firstPassword(id)).contains("FAILED");
        assertThat(console.smsTextsTo("+46701740690")).isEmpty();
        String page = console.open(console.admin, "/console/bestallningar/" + id).getContentAsString();
        assertThat(page).contains("ORD-029", "SMS:et med det första masterlösenordet kunde inte skickas.",
                "Skicka nytt första lösenord");
        assertThat(console.audit("FIRST_PASSWORD_SENT", person)).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("outcome", "FAILURE").containsEntry("error_code", "ORD-029"));

        MockHttpServletResponse resend = console.postAs(console.admin, "/console/bestallningar/" + id + "/nytt-losenord");

        assertThat(resend.getStatus()).isEqualTo(302);
        assertThat(console.firstPassword(id)).contains("SENT");
        assertThat(console.passwordSentTo("+46701740690")).hasSize(8);
        assertThat(console.open(console.admin, "/console/bestallningar/" + id).getContentAsString())
                .doesNotContain("ORD-029").contains("Skickat med SMS");
    }

    @Test
    void newFirstPasswordWhenOrderIsNotApprovedThen409() throws Exception {
        long id = console.orderFor(TestRegistry.uniquePersonnummer(), "070-174 06 91");

        MockHttpServletResponse response = console.postAs(console.admin, "/console/bestallningar/" + id + "/nytt-losenord");

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(response.getContentAsString()).contains("ORD-031");
        assertThat(console.smsTextsTo("+46701740691")).isEmpty();
    }
}
