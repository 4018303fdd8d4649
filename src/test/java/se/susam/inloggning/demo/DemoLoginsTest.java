package se.susam.inloggning.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import se.susam.inloggning.testsupport.MutableClock;
import se.susam.inloggning.testsupport.TestSupportConfiguration;
import se.susam.inloggning.testsupport.WebClient;
import se.susam.inloggning.testsupport.WebClient.Page;

/** Every demo login in the README's table lands where the table says. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "sus.certificate-login.port=0")
@ActiveProfiles({"test", "demo"})
@Tag("database")
@Import(TestSupportConfiguration.class)
class DemoLoginsTest {

    private static final Pattern AUTOSTART = Pattern.compile("href=\"([^\"]*autostarttoken=[^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /**
     * BankID on this computer in the demo simulator: the "Starta BankID-appen" link opens the app
     * page, where the person identifies. Returns the browser after the login completed.
     */
    private WebClient bankIdLogin(DemoData.DemoPerson person) {
        WebClient browser = new WebClient("http://localhost:" + port);
        browser.get("/login/bankid");
        browser.post("/login/bankid/start", "enhet", "denna");
        Matcher link = AUTOSTART.matcher(browser.get("/login/bankid/vantar").body());
        assertThat(link.find()).isTrue();
        String autostart = link.group(1).replace("&amp;", "&");
        String token = autostart.substring(autostart.indexOf('=') + 1, autostart.indexOf('&'));
        WebClient app = new WebClient("http://localhost:" + port);
        app.get("/dev/bankid/app");
        Page opened = app.post("/dev/bankid/app/oppna", "code", token, "person", person.personnummer(),
                "action", "open");
        String orderPage = URI.create(opened.location()).getPath();
        app.get(orderPage);
        app.post(orderPage, "action", "identify");
        clock.advance(Duration.ofSeconds(2));
        Page done = browser.get("/login/bankid/vantar");
        assertThat(done.redirectsTo("/console")).as(done.status() + " " + done.text()).isTrue();
        return browser;
    }

    @Test
    void mariaWhenLoggingInWithBankIdThenConsoleAsBestallareForKungalv() {
        WebClient browser = bankIdLogin(DemoData.MARIA);

        assertThat(browser.get("/console").text()).contains("Inloggad som Maria Berg", "Beställningar (blankett 9445)");
        Page orders = browser.get("/console/bestallningar");
        assertThat(orders.status()).isEqualTo(200);
        assertThat(orders.text()).contains("Du är beställare för Kungälvs kommun", "Ny beställning");
        assertThat(browser.get("/console/bestallningar/ny").text()).contains("Beställning användare i SUS");
    }

    @Test
    void johanWhenLoggingInWithBankIdThenConsoleAsBehorighetsadministrator() {
        WebClient browser = bankIdLogin(DemoData.JOHAN);

        assertThat(browser.get("/console").text()).contains("Inloggad som Johan Ström", "Beställningar (blankett 9445)");
        Page orders = browser.get("/console/bestallningar");
        assertThat(orders.status()).isEqualTo(200);
        assertThat(orders.text()).contains("Väntar på godkännande", "Senast hanterade").doesNotContain("Ny beställning");
        assertThat(browser.get("/console/bestallningar/ny").status()).isEqualTo(403);
    }

    @Test
    void mariaAndJohanWhenTryingSmsLoginThenWrongCredentialsMessage() {
        assertThat(smsLogin(DemoData.MARIA, "none").text()).contains("SMS-003");
        assertThat(smsLogin(DemoData.JOHAN, "none").text()).contains("SMS-003");
    }

    private Page smsLogin(DemoData.DemoPerson person, String mobile) {
        WebClient browser = new WebClient("http://localhost:" + port);
        browser.get("/login/sms");
        Page step1 = browser.post("/login/sms", "personnummer", person.personnummer(),
                "password", person.masterPassword() == null ? "Kaxe4Rpt" : person.masterPassword());
        if (!step1.redirectsTo("/login/sms/kod")) {
            return step1;
        }
        browser.get("/login/sms/kod");
        Page step2 = browser.post("/login/sms/kod", "code", browser.latestCodeSentTo(mobile));
        return step2.redirectsTo("/sus") ? browser.get("/sus") : step2;
    }

    @Test
    void annaWhenLoggingInWithSmsThenSusWithHerRoles() {
        Page page = smsLogin(DemoData.ANNA, "+46701740605");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("Välkommen, Anna Lindqvist", "Samordningsförbundet Göteborg Nordost",
                "Samverkansadministratör", "Insatsansvarig");
    }

    @Test
    void bertilWhenLoggingInWithSmsThenSusWithBothOrganisations() {
        Page page = smsLogin(DemoData.BERTIL, "+46701740606");
        assertThat(page.text()).contains("Bertil Nyström", "Kungälvs kommun", "Deltagaransvarig",
                "Samordningsförbundet Göteborg Nordost");
    }

    @Test
    void davidWhenLoggingInWithSmsThenNoAccessBecauseExpired() {
        Page page = smsLogin(DemoData.DAVID, "+46701740607");
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.text()).contains("Du saknar behörighet till SUS", "ACC-002");
    }

    @Test
    void evaWhenLoggingInWithSmsThenNoAccessBecauseWithdrawn() {
        Page page = smsLogin(DemoData.EVA, "+46701740608");
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.text()).contains("Du saknar behörighet till SUS", "ACC-003");
    }

    @Test
    void ceciliaAndFredrikWhenTryingSmsLoginThenWrongCredentialsMessage() {
        assertThat(smsLogin(DemoData.CECILIA, "none").text()).contains("SMS-003");
        assertThat(smsLogin(DemoData.FREDRIK, "none").text()).contains("SMS-003");
    }

    @Test
    void outboxPageWhenDemoThenShowsSentMessages() {
        smsLogin(DemoData.ANNA, "+46701740605");
        Page page = new WebClient("http://localhost:" + port).get("/dev/sms");
        assertThat(page.text()).contains("SMS-utkorg (demo)", "+46701740605", "Your OTP:");
    }
}
