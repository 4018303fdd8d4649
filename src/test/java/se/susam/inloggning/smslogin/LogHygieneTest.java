package se.susam.inloggning.smslogin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import se.susam.inloggning.testsupport.DatabaseTest;
import se.susam.inloggning.testsupport.TestRegistry;
import se.susam.inloggning.testsupport.WebClient;

/** No master password, one-time code, full phone number or full personnummer reaches a log (SPEC §4). */
@DatabaseTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {"logging.level.se.susam=DEBUG", "logging.level.org.springframework.web=DEBUG",
        "logging.level.org.springframework.security=DEBUG"})
class LogHygieneTest {

    @LocalServerPort
    int port;

    @Autowired
    TestRegistry registry;

    @Test
    void loginWhenLoggedAtDebugThenNoSecretsOrFullIdentifiersInTheLog(CapturedOutput output) {
        TestRegistry.SmsUser user = registry.smsUser("Mj7tLnq3");
        WebClient browser = new WebClient("http://localhost:" + port);
        browser.get("/login/sms");
        browser.post("/login/sms", "personnummer", user.personnummer(), "password", "Wrong001");
        browser.post("/login/sms", "personnummer", user.personnummer(), "password", "Mj7tLnq3");
        browser.get("/login/sms/kod");
        String code = browser.latestCodeSentTo(user.mobile().e164());
        browser.post("/login/sms/kod", "code", "000000".equals(code) ? "111111" : "000000");
        browser.post("/login/sms/kod", "code", code);
        browser.get("/sus");

        String log = output.getAll();
        assertThat(log).as("request logging was captured").contains("/login/sms/kod");
        assertThat(log).doesNotContain(user.personnummer())
                .doesNotContain(user.personnummer().substring(2))
                .doesNotContain("Mj7tLnq3")
                .doesNotContain("Wrong001")
                .doesNotContain(user.mobile().e164())
                .doesNotContain(user.mobile().e164().substring(3))
                .doesNotContain("Your OTP")
                .doesNotContain("code=" + code);
    }
}
