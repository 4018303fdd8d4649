package se.susam.inloggning.incident;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import se.susam.inloggning.testsupport.DatabaseTest;
import se.susam.inloggning.testsupport.MutableClock;

/**
 * A report's e-mail address, phone number and text never reach a log, even at DEBUG (SPEC §4).
 * Its own application context, started by this class: a context cached from an earlier class can
 * have had its logging reset by a test that starts and stops an application of its own.
 */
@DatabaseTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {"logging.level.se.susam=DEBUG", "logging.level.org.springframework.web=DEBUG",
        "logging.level.org.springframework.security=DEBUG", "logging.level.se.susam.inloggning.incident=TRACE"})
class IncidentLogHygieneTest {

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Test
    void reportWhenFiledAndLoggedAtDebugThenNoContactDetailsOrTextInTheLog(CapturedOutput output) {
        Reporter reporter = Reporter.newAt(port);

        reporter.send(Reporter.validReport(clock, "epost", "hemlig.adress@kommun.example.se",
                "telefon", "070-174 06 41", "beskrivning", "Min alldeles särskilda beskrivning", "namn", "Vera Vemsomhelst"));
        reporter.send(Reporter.validReport(clock, "epost", "hemlig.adress@kommun.example.se", "namn", ""));

        String log = output.getAll();
        assertThat(log).as("the report was logged").contains("Incident report FA-");
        assertThat(log).doesNotContain("hemlig.adress").doesNotContain("1740641").doesNotContain("174 06 41")
                .doesNotContain("alldeles särskilda").doesNotContain("Vemsomhelst");
    }
}
