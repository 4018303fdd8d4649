package se.susam.inloggning.tjanstekort;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.susam.inloggning.access.AccessStatus;
import se.susam.inloggning.access.Person;
import se.susam.inloggning.access.Role;
import se.susam.inloggning.identity.Personnummer;
import se.susam.inloggning.testsupport.TestRegistry;
import se.susam.inloggning.testsupport.WebClient.Page;

/** "Testa din e-legitimation" with a tjänstekort: what was received, whether access exists, no session. */
class EidTestWithCardTest extends CertificateLoginContext {

    @Autowired
    TestRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @Test
    void testWhenCardValidAndAccessExistsThenShowsWhatWasReceivedAndStartsNoSession() {
        Person person = registry.person("Test", "Kortsson");
        registry.registry().addGrant(person.id(), registry.organisation(), Set.of(Role.INSATSANSVARIG),
                LocalDate.now().minusDays(1), LocalDate.now().plusDays(1), AccessStatus.ACTIVE, Optional.empty());
        CardBrowser browser = new CardBrowser(PKI, PKI.fk.card(PKI.fkProfile(person.personnummer())));

        Page result = browser.get(PKI.certificateUrl() + "/tjanstekort/fk/test");
        assertThat(result.status()).as(result.text()).isEqualTo(200);
        assertThat(result.text()).contains("Din e-legitimation fungerar", "Test Kortsson",
                person.personnummer().masked(), "Tjänstekort FK", "Utfärdare", "Giltigt till och med",
                "Du har en gällande behörighet till SUS", "Du är inte inloggad i SUS efter testet")
                .doesNotContain(person.personnummer().value());
        assertThat(browser.get(PKI.siteUrl() + "/sus").status()).as("no session").isEqualTo(302);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE event_type = 'EID_TEST' AND personnummer = :p")
                .param("p", person.personnummer().value()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void testWhenCardValidButNoAccessThenSaysSoWithTheAccessCode() {
        Personnummer unknown = TestRegistry.uniquePersonnummer();
        Page result = new CardBrowser(PKI, PKI.fk.card(PKI.fkProfile(unknown))).get(PKI.certificateUrl()
                + "/tjanstekort/fk/test");
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.text()).contains("Din e-legitimation fungerar", "Du saknar behörighet till SUS", "ACC-001");
    }

    @Test
    void testWhenCardBrokenThenTheCardsErrorIsShown() {
        Page result = new CardBrowser(PKI, null).get(PKI.certificateUrl() + "/tjanstekort/fk/test");
        assertThat(result.status()).isEqualTo(401);
        assertThat(result.text()).contains("TJK-001");
    }

    @Test
    void testPageWhenOpenedThenOffersTheCardTest() {
        Page page = new CardBrowser(PKI, null).get(PKI.siteUrl() + "/testa-e-legitimation");
        assertThat(page.text()).contains("Testa din e-legitimation", "Testa tjänstekort", "loggar inte in dig");
        Page start = new CardBrowser(PKI, null).get(PKI.siteUrl() + "/testa-e-legitimation/tjanstekort");
        assertThat(start.location()).isEqualTo(PKI.certificateUrl() + "/tjanstekort/fk/test");
    }
}
