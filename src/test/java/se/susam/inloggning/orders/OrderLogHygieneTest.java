package se.susam.inloggning.orders;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import se.susam.inloggning.identity.Personnummer;
import se.susam.inloggning.testsupport.DatabaseTest;
import se.susam.inloggning.testsupport.TestRegistry;

/**
 * An order's personnummer, mobile number and master password never reach a log, even at DEBUG
 * (SPEC §4), through submission, approval with its SMS, a refused decision and a new first password.
 */
@DatabaseTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {"logging.level.se.susam=DEBUG", "logging.level.org.springframework.web=DEBUG",
        "logging.level.org.springframework.security=DEBUG", "logging.level.se.susam.inloggning.orders=TRACE"})
class OrderLogHygieneTest extends OrderConsoleTestSupport {

    @Test
    void orderWhenSubmittedApprovedAndRefusedAtDebugThenNoPersonnummerMobileOrPasswordInTheLog(CapturedOutput output)
            throws Exception {
        Personnummer person = TestRegistry.uniquePersonnummer();
        long id = console.orderFor(person, "070-174 06 97");
        console.approve(console.admin, id);
        String first = console.passwordSentTo("+46701740697");
        console.approve(console.otherAdmin, id);
        console.postAs(console.admin, "/console/bestallningar/" + id + "/nytt-losenord");
        String second = console.passwordSentTo("+46701740697");

        String log = output.getAll();
        assertThat(log).as("the refused second approval was logged").contains("Shown error ORD-027");
        assertThat(log).doesNotContain(person.value()).doesNotContain(person.formatted())
                .doesNotContain("1740697").doesNotContain("174 06 97").doesNotContain(first).doesNotContain(second);
    }
}
