package se.susam.inloggning.tjanstekort;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import se.susam.inloggning.testsupport.TestRegistry;

/** The OCSP client against the Bouncy Castle responder on the test PKI's local HTTP server. */
class OcspClientTest {

    private final TestPki pki = TestPki.get();
    private final OcspClient client = new OcspClient(new RevocationTransport(Duration.ofSeconds(2)),
            Clock.systemUTC(), Duration.ofMinutes(2));

    private DemoCa.Card card() {
        return pki.fk.card(pki.fkProfile(TestRegistry.uniquePersonnummer()));
    }

    @Test
    void statusWhenResponderSaysGoodThenGoodReusableUntilAtMostTheCacheAge() {
        RevocationStatus status = client.status(card().certificate(), pki.fk.certificate(), pki.ocspUrl(),
                Duration.ofMinutes(5));
        assertThat(status).isInstanceOf(RevocationStatus.Good.class);
    }

    @Test
    void statusWhenResponderSaysRevokedThenRevoked() {
        DemoCa.Card card = card();
        pki.fkAnswers.put(card.certificate().getSerialNumber(), OcspResponder.Answer.REVOKED);
        assertThat(client.status(card.certificate(), pki.fk.certificate(), pki.ocspUrl(), Duration.ofMinutes(5)))
                .isInstanceOf(RevocationStatus.Revoked.class);
    }

    @Test
    void statusWhenAnswerSignedByAnotherCaThenUnknown() {
        DemoCa.Card card = card();
        RevocationStatus status = client.status(card.certificate(), pki.af.certificate(), pki.ocspUrl(),
                Duration.ofMinutes(5));
        assertThat(status).isInstanceOf(RevocationStatus.Unknown.class);
    }
}
