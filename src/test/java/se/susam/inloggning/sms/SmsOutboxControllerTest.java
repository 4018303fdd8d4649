package se.susam.inloggning.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.susam.inloggning.identity.PhoneNumber;
import se.susam.inloggning.testsupport.DatabaseTest;
import se.susam.inloggning.testsupport.TestRegistry;
import se.susam.inloggning.testsupport.WebClient;

@DatabaseTest
class SmsOutboxControllerTest {

    @LocalServerPort
    int port;

    @Autowired
    SmsGateway gateway;

    @Test
    void outboxWhenFilteredByRecipientThenShowsOnlyTheirMessagesNewestFirst() {
        PhoneNumber mine = TestRegistry.uniqueMobile();
        PhoneNumber other = TestRegistry.uniqueMobile();
        gateway.send(new SmsMessage(mine, "first to me", false));
        gateway.send(new SmsMessage(other, "to someone else", false));
        gateway.send(new SmsMessage(mine, "second to me", true));

        WebClient.Page page = new WebClient("http://localhost:" + port)
                .get("/dev/sms/outbox.json?to=" + mine.e164().replace("+", "%2B"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("second to me", "first to me").doesNotContain("to someone else",
                other.e164());
        assertThat(page.body().indexOf("second to me")).isLessThan(page.body().indexOf("first to me"));
        assertThat(page.body()).contains("\"to\":\"" + mine.e164() + "\"", "\"flash\":true", "\"sentAt\":");
    }

    @Test
    void outboxWhenUnfilteredThenShowsEveryRecipient() {
        PhoneNumber one = TestRegistry.uniqueMobile();
        PhoneNumber two = TestRegistry.uniqueMobile();
        gateway.send(new SmsMessage(one, "hello one", false));
        gateway.send(new SmsMessage(two, "hello two", false));

        WebClient.Page page = new WebClient("http://localhost:" + port).get("/dev/sms/outbox.json");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(one.e164(), two.e164());
    }

    @Test
    void outboxWhenRecipientIsNotAnE164NumberThenBadRequest() {
        WebClient.Page page = new WebClient("http://localhost:" + port).get("/dev/sms/outbox.json?to=0701740605");

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text()).contains("GEN-005");
    }
}
