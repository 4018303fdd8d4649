package se.susam.inloggning.tjanstekort;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.susam.inloggning.access.AccessStatus;
import se.susam.inloggning.access.Person;
import se.susam.inloggning.access.Role;
import se.susam.inloggning.identity.Personnummer;
import se.susam.inloggning.testsupport.MutableClock;
import se.susam.inloggning.testsupport.TestRegistry;
import se.susam.inloggning.testsupport.WebClient.Page;

/**
 * Tjänstekort login over real TLS handshakes against the running certificate connector, with the
 * card in the client's key store: every outcome the issue lists, each audited, and the proxy mode.
 */
@ExtendWith(OutputCaptureExtension.class)
class TjanstekortLoginTest extends CertificateLoginContext {

    @Autowired
    TestRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A person with valid access at an organisation. */
    private Person personWithAccess() {
        Person person = registry.person("Kort", "Innehavare");
        registry.registry().addGrant(person.id(), registry.organisation(), Set.of(Role.INSATSANSVARIG),
                LocalDate.now().minusDays(10), LocalDate.now().plusDays(10), AccessStatus.ACTIVE, Optional.empty());
        return person;
    }

    private Page login(DemoCa.Card card, String issuer) {
        return new CardBrowser(PKI, card).get(PKI.certificateUrl() + "/tjanstekort/" + issuer);
    }

    /** The audit trail's record of the login attempt with this card: outcome, code, method. */
    private List<String> audited(DemoCa.Card card) {
        String serial = "serial=" + card.certificate().getSerialNumber().toString(16);
        return jdbc.sql("""
                        SELECT outcome, error_code, method FROM audit_event
                        WHERE event_type = 'LOGIN_CERTIFICATE' AND details LIKE :serial""")
                .param("serial", "%" + serial + "%")
                .query((rs, i) -> rs.getString("outcome") + " " + rs.getString("error_code") + " "
                        + rs.getString("method"))
                .list();
    }

    private void assertRefused(Page page, String code, int status, String message) {
        assertThat(page.status()).as(page.text()).isEqualTo(status);
        assertThat(page.text()).contains(code, message, "Referens");
        assertThat(page.body()).contains("/support/vanliga-felmeddelanden/tjanstekort#" + code);
    }

    /** Logging in at FK with {@code card} is refused with {@code code}, and the audit trail says so. */
    private void assertRefusedAndAudited(DemoCa.Card card, String code, int status, String message) {
        assertRefused(login(card, "fk"), code, status, message);
        assertThat(audited(card)).containsExactly("FAILURE " + code + " TJANSTEKORT_FK");
    }

    // --- the good path ----------------------------------------------------------------------------

    @Test
    void fkCardWhenValidAndAccessGrantedThenLandsInSusLoggedInWithTjanstekortFk() {
        Person person = personWithAccess();
        DemoCa.Card card = PKI.fk.card(PKI.fkProfile(person.personnummer()));
        CardBrowser browser = new CardBrowser(PKI, card);
        Page login = browser.get(PKI.certificateUrl() + "/tjanstekort/fk");
        assertThat(login.status()).as(login.text()).isEqualTo(302);
        assertThat(login.location()).isEqualTo(PKI.siteUrl() + "/sus");
        Page sus = browser.get(login.location());
        assertThat(sus.status()).isEqualTo(200);
        assertThat(sus.text()).contains("Välkommen, Kort Innehavare", "Inloggad med : Tjänstekort FK");
        assertThat(audited(card)).containsExactly("SUCCESS null TJANSTEKORT_FK");
    }

    @Test
    void connectorWhenHandshakingThenRequestsCertificateNamingTheCardIssuers() {
        CardBrowser browser = new CardBrowser(PKI, null);
        browser.get(PKI.certificateUrl() + "/tjanstekort/fk");
        assertThat(browser.requestedIssuers).isNotEmpty();
        assertThat(browser.requestedIssuers.getFirst()).anyMatch(name -> name.contains("Försäkringskassan Test"))
                .anyMatch(name -> name.contains("Arbetsförmedlingen Test"))
                .noneMatch(name -> name.contains("Stranger"));
    }

    @Test
    void fkCardWhenPersonHasNoAccessThenNoAccessPage() {
        Personnummer unknown = TestRegistry.uniquePersonnummer();
        Page page = login(PKI.fk.card(PKI.fkProfile(unknown)), "fk");
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.text()).contains("Du saknar behörighet till SUS", "ACC-001");
    }

    @Test
    void fkCardWhenSerialNumberHasPnoseOrHyphenatedFormThenAccepted() {
        Person person = personWithAccess();
        String pnr = person.personnummer().value();
        for (String form : List.of("PNOSE-" + pnr, pnr.substring(0, 8) + "-" + pnr.substring(8))) {
            Page page = login(PKI.fk.card(PKI.fkProfile(person.personnummer()).serialNumberAttribute(form)), "fk");
            assertThat(page.location()).as(form).isEqualTo(PKI.siteUrl() + "/sus");
        }
    }

    @Test
    void afCardWhenValidThenLandsInSusLoggedInWithAfStaffCard() {
        Person person = personWithAccess();
        DemoCa.Card card = PKI.af.card(PKI.afProfile(person.personnummer()));
        CardBrowser browser = new CardBrowser(PKI, card);
        Page login = browser.get(PKI.certificateUrl() + "/tjanstekort/af");
        assertThat(login.location()).as(login.text()).isEqualTo(PKI.siteUrl() + "/sus");
        assertThat(browser.get(login.location()).text()).contains("Tjänstekort Arbetsförmedlingen");
        assertThat(audited(card)).containsExactly("SUCCESS null TJANSTEKORT_AF");
    }

    @Test
    void ocspAnswerWhenGoodThenReusedForTheNextLoginWithoutAskingAgain() {
        Person person = personWithAccess();
        DemoCa.Card card = PKI.fk.card(PKI.fkProfile(person.personnummer()));
        int before = PKI.ocspRequests.get();
        assertThat(login(card, "fk").status()).isEqualTo(302);
        assertThat(login(card, "fk").status()).isEqualTo(302);
        assertThat(PKI.ocspRequests.get() - before).isEqualTo(1);
    }

    // --- every refusal, its code, its status, its audit record ------------------------------------

    @Test
    void loginWhenNoCertificatePresentedThenTjk001() {
        Page page = login(null, "fk");
        assertRefused(page, "TJK-001", 401, "Inget certifikat från tjänstekortet togs emot");
        assertThat(page.body()).contains("href=\"" + PKI.certificateUrl() + "/tjanstekort/fk\"");
    }

    @Test
    void cardWhenExpiredThenTjk002AndAudited() {
        Person person = personWithAccess();
        Instant now = Instant.now();
        DemoCa.Card card = PKI.fk.card(PKI.fkProfile(person.personnummer())
                .validity(now.minus(Duration.ofDays(800)), now.minus(Duration.ofDays(1))));
        assertRefusedAndAudited(card, "TJK-002", 401, "har gått ut");
    }

    @Test
    void cardWhenNotYetValidThenTjk003AndAudited() {
        Person person = personWithAccess();
        Instant now = Instant.now();
        DemoCa.Card card = PKI.fk.card(PKI.fkProfile(person.personnummer())
                .validity(now.plus(Duration.ofDays(2)), now.plus(Duration.ofDays(700))));
        assertRefusedAndAudited(card, "TJK-003", 401, "gäller inte än");
    }

    @Test
    void cardWhenFromUnknownIssuerThenTjk004AndAudited() {
        DemoCa.Card card = PKI.stranger.card(PKI.fkProfile(personWithAccess().personnummer()));
        assertRefusedAndAudited(card, "TJK-004", 401, "utfärdare som inte godtas");
    }

    @Test
    void afCardWhenUsedForFkLoginThenTjk004() {
        DemoCa.Card card = PKI.af.card(PKI.afProfile(personWithAccess().personnummer()));
        assertRefused(login(card, "fk"), "TJK-004", 401, "utfärdare som inte godtas");
    }

    @Test
    void cardWhenRevokedByOcspThenTjk005AndAudited() {
        Person person = personWithAccess();
        DemoCa.Card card = PKI.fk.card(PKI.fkProfile(person.personnummer()));
        PKI.fkAnswers.put(card.certificate().getSerialNumber(), OcspResponder.Answer.REVOKED);
        assertRefusedAndAudited(card, "TJK-005", 401, "är spärrat");
    }

    @Test
    void cardWhenOcspResponderAnswersUnknownThenTjk006FailClosed() {
        Person person = personWithAccess();
        DemoCa.Card card = PKI.fk.card(PKI.fkProfile(person.personnummer()));
        PKI.fkAnswers.put(card.certificate().getSerialNumber(), OcspResponder.Answer.UNKNOWN);
        assertRefusedAndAudited(card, "TJK-006", 503, "Det gick inte att kontrollera om ditt tjänstekort är spärrat");
    }

    @Test
    void cardWhenOcspResponderDownThenTjk006FailClosed() {
        Person person = personWithAccess();
        DemoCa.Card card = PKI.fk.card(PKI.fkProfile(person.personnummer()).ocsp(PKI.downResponderUrl()));
        assertRefusedAndAudited(card, "TJK-006", 503, "Försök igen om en stund");
    }

    @Test
    void cardWhenRevokedOnTheCrlThenTjk005() {
        Person person = personWithAccess();
        DemoCa.Card good = PKI.af.card(PKI.afProfile(person.personnummer()));
        DemoCa.Card revoked = PKI.af.card(PKI.afProfile(person.personnummer()));
        PKI.afRevoked.add(revoked.certificate().getSerialNumber());
        clock.advance(Duration.ofMinutes(6)); // past the reuse time of a CRL fetched by an earlier test
        assertThat(login(good, "af").status()).isEqualTo(302);
        assertRefused(login(revoked, "af"), "TJK-005", 401, "är spärrat");
        assertThat(audited(revoked)).containsExactly("FAILURE TJK-005 TJANSTEKORT_AF");
    }

    @Test
    void cardWhenOnlyForEnciphermentThenTjk007AndAudited() {
        Person person = personWithAccess();
        DemoCa.Card card = PKI.fk.card(PKI.fkProfile(person.personnummer())
                .usage(KeyUsage.keyEncipherment, List.of(KeyPurposeId.id_kp_clientAuth)));
        assertRefusedAndAudited(card, "TJK-007", 401, "får inte användas för inloggning");
    }

    @Test
    void cardWhenExtendedKeyUsageLacksClientAuthThenTjk007() {
        Person person = personWithAccess();
        DemoCa.Card card = PKI.fk.card(PKI.fkProfile(person.personnummer())
                .usage(KeyUsage.digitalSignature, List.of(KeyPurposeId.id_kp_emailProtection)));
        assertRefused(login(card, "fk"), "TJK-007", 401, "får inte användas för inloggning");
    }

    @Test
    void cardWhenSubjectHasNoSerialNumberThenTjk008AndAudited() {
        DemoCa.Card card = PKI.fk.card(PKI.fkProfile(personWithAccess().personnummer()).serialNumberAttribute(null));
        assertRefusedAndAudited(card, "TJK-008", 401, "innehåller inget personnummer");
    }

    @Test
    void cardWhenPersonnummerHasWrongCheckDigitThenTjk009AndAudited() {
        String pnr = personWithAccess().personnummer().value();
        String wrongCheckDigit = pnr.substring(0, 11) + (char) ('0' + (pnr.charAt(11) - '0' + 1) % 10);
        DemoCa.Card card = PKI.fk.card(PKI.fkProfile(new Personnummer(pnr)).serialNumberAttribute(wrongCheckDigit));
        assertRefusedAndAudited(card, "TJK-009", 401, "Personnumret i certifikatet är inte giltigt");
    }

    @Test
    void cardWhenSerialNumberInAnotherFormatThenTjk009() {
        DemoCa.Card card = PKI.fk.card(PKI.fkProfile(personWithAccess().personnummer())
                .serialNumberAttribute("EMP-4711"));
        assertRefused(login(card, "fk"), "TJK-009", 401, "Personnumret i certifikatet är inte giltigt");
    }

    @Test
    void cardWhenWithoutTheAcceptedPolicyThenTjk010AndAudited() {
        DemoCa.Card card = PKI.fk.card(PKI.fkProfile(personWithAccess().personnummer()).policies(List.of()));
        assertRefusedAndAudited(card, "TJK-010", 401, "inte utfärdat för inloggning");
    }

    @Test
    void cardWhenSignedByAnImpostorOfTheIssuerThenTjk011AndAudited() {
        DemoCa.Card card = PKI.fkImpostor.card(PKI.fkProfile(personWithAccess().personnummer()));
        assertRefusedAndAudited(card, "TJK-011", 401, "Certifikatkedjan");
    }

    @Test
    void logsWhenCardsAcceptedOrRefusedThenNeverShowThePersonnummerOrSubject(CapturedOutput output) {
        Person person = personWithAccess();
        String pnr = person.personnummer().value();
        login(PKI.fk.card(PKI.fkProfile(person.personnummer())), "fk");
        DemoCa.Card revoked = PKI.fk.card(PKI.fkProfile(person.personnummer()));
        PKI.fkAnswers.put(revoked.certificate().getSerialNumber(), OcspResponder.Answer.REVOKED);
        login(revoked, "fk");
        login(PKI.fk.card(PKI.fkProfile(person.personnummer()).policies(List.of())), "fk");
        assertThat(output.getAll()).contains("TJK-005", "TJK-010").doesNotContain(pnr, "Test Person");
    }

    // --- the connector serves certificate login only ----------------------------------------------

    @Test
    void connectorWhenAskedForAnotherPageThenSendsToTheSite() {
        Page page = new CardBrowser(PKI, null).get(PKI.certificateUrl() + "/behorigheter");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).isEqualTo(PKI.siteUrl() + "/behorigheter");
    }

    @Test
    void chooserWhenEnabledThenOffersTjanstekortFkLeadingToTheConnector() {
        CardBrowser browser = new CardBrowser(PKI, null);
        Page chooser = browser.get(PKI.siteUrl() + "/login");
        assertThat(chooser.text()).contains("Tjänstekort FK");
        assertThat(chooser.body()).contains("href=\"/login/tjanstekort\"");
        assertThat(browser.get(PKI.siteUrl() + "/login/tjanstekort").location())
                .isEqualTo(PKI.certificateUrl() + "/tjanstekort/fk");
    }

    // --- behind a reverse proxy ------------------------------------------------------------------

    private static Map<String, String> forwarded(DemoCa.Card card) {
        return Map.of("X-SSL-Client-Cert",
                URLEncoder.encode(DemoCa.pem(card.certificate()), StandardCharsets.UTF_8).replace("+", "%20"));
    }

    @Test
    void proxyHeaderWhenFromTrustedProxyThenLogsIn() {
        Person person = personWithAccess();
        DemoCa.Card card = PKI.fk.card(PKI.fkProfile(person.personnummer()));
        CardBrowser proxy = new CardBrowser(PKI, null);
        Page page = proxy.get("http://127.0.0.1:" + PKI.sitePort + "/tjanstekort/fk", forwarded(card));
        assertThat(page.location()).as(page.text()).isEqualTo(PKI.siteUrl() + "/sus");
        assertThat(audited(card)).singleElement().asString().startsWith("SUCCESS");
    }

    @Test
    void proxyHeaderWhenFromAnyOtherAddressThenDroppedAndNoCertificate() throws Exception {
        Person person = personWithAccess();
        DemoCa.Card card = PKI.fk.card(PKI.fkProfile(person.personnummer()));
        CardBrowser other = new CardBrowser(PKI, null, InetAddress.getByName("127.0.0.2"));
        Page page = other.get("http://127.0.0.1:" + PKI.sitePort + "/tjanstekort/fk", forwarded(card));
        assertRefused(page, "TJK-001", 401, "Inget certifikat");
        assertThat(audited(card)).isEmpty();
    }

    @Test
    void proxyHeaderWhenNotACertificateThenTjk012() {
        Page page = new CardBrowser(PKI, null).get("http://127.0.0.1:" + PKI.sitePort + "/tjanstekort/fk",
                Map.of("X-SSL-Client-Cert", "-----BEGIN%20CERTIFICATE-----%0Anonsense%0A-----END%20CERTIFICATE-----"));
        assertRefused(page, "TJK-012", 400, "Certifikatet kunde inte läsas");
    }
}
