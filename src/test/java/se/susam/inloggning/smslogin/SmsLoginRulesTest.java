package se.susam.inloggning.smslogin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.susam.inloggning.access.AccessStatus;
import se.susam.inloggning.access.Person;
import se.susam.inloggning.access.Role;
import se.susam.inloggning.testsupport.DatabaseTest;
import se.susam.inloggning.testsupport.MutableClock;
import se.susam.inloggning.testsupport.TestRegistry;
import se.susam.inloggning.testsupport.TestRegistry.SmsUser;
import se.susam.inloggning.testsupport.WebClient;
import se.susam.inloggning.testsupport.WebClient.Page;

/** The rules of SMS login from the issue, each observed over HTTP as a browser sees it. */
@DatabaseTest
class SmsLoginRulesTest {

    private static final String PASSWORD = "Kaxe4Rpt";

    @LocalServerPort
    int port;

    @Autowired
    TestRegistry registry;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    WebClient browser;

    @BeforeEach
    void openBrowser() {
        browser = new WebClient("http://localhost:" + port);
        browser.get("/login/sms");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Page step1(String personnummer, String password) {
        return browser.post("/login/sms", "personnummer", personnummer, "password", password);
    }

    private Page loginToCodePage(SmsUser user) {
        Page step1 = step1(user.personnummer(), user.masterPassword());
        assertThat(step1.redirectsTo("/login/sms/kod")).as(step1.text()).isTrue();
        return browser.get("/login/sms/kod");
    }

    // --- step 1 ---------------------------------------------------------------------------------

    @Test
    void step1WhenUnknownPersonnummerWrongPasswordOrNoSmsLoginThenSameMessageAndStatus() {
        SmsUser user = registry.smsUser(PASSWORD);
        Person withoutSms = registry.person("Utan", "Sms");
        registry.registry().addGrant(withoutSms.id(), registry.organisation(), Set.of(Role.INSATSANSVARIG),
                LocalDate.now().minusDays(1), LocalDate.now().plusDays(1), AccessStatus.ACTIVE, Optional.empty());
        registry.masterPasswords().set(withoutSms.id(), PASSWORD);

        Page unknown = step1(TestRegistry.uniquePersonnummer().value(), PASSWORD);
        Page wrongPassword = step1(user.personnummer(), "Kaxe4Rpu");
        Page noSmsLogin = step1(withoutSms.personnummer().value(), PASSWORD);

        for (Page page : new Page[] {unknown, wrongPassword, noSmsLogin}) {
            assertThat(page.status()).isEqualTo(401);
            assertThat(page.text()).contains("Fel personnummer eller lösenord.", "SMS-003");
        }
        assertThat(unknown.text().replaceAll("Referens\\s*:\\s*\\w+", ""))
                .isEqualTo(wrongPassword.text().replaceAll("Referens\\s*:\\s*\\w+", ""));
    }

    @Test
    void step1WhenUnknownPersonnummerThenTakesAsLongAsWrongPassword() {
        SmsUser first = registry.smsUser(PASSWORD);
        SmsUser second = registry.smsUser(PASSWORD);
        long fastestUnknown = Long.MAX_VALUE;
        long fastestWrong = Long.MAX_VALUE;
        for (int i = 0; i < 6; i++) {
            long start = System.nanoTime();
            step1(TestRegistry.uniquePersonnummer().value(), PASSWORD);
            fastestUnknown = Math.min(fastestUnknown, System.nanoTime() - start);
            SmsUser user = i % 2 == 0 ? first : second;
            start = System.nanoTime();
            assertThat(step1(user.personnummer(), "Kaxe4Rpu").status()).as("below the lock").isEqualTo(401);
            fastestWrong = Math.min(fastestWrong, System.nanoTime() - start);
        }
        // Both do one Argon2id computation (a dummy hash for the unknown personnummer); without it
        // the unknown case answers in a small fraction of the time. The fastest of several tries
        // is compared, as load on the machine only ever adds time.
        assertThat((double) fastestUnknown).isGreaterThan(0.5 * fastestWrong);
    }

    @Test
    void step1WhenPersonnummerInvalidThenFieldErrorWithItsCodeAndNothingSent() {
        SmsUser user = registry.smsUser(PASSWORD);
        Page empty = step1("", PASSWORD);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.text()).contains("Ange ditt personnummer.", "PNR-001");
        assertThat(empty.body()).contains("href=\"#personnummer\"");

        assertThat(step1("19121212121", PASSWORD).text()).contains("PNR-002");
        assertThat(step1("191213321212", PASSWORD).text()).contains("PNR-003");
        Page checkDigit = step1(user.personnummer().substring(0, 11) + ((user.personnummer().charAt(11) - '0' + 1) % 10),
                PASSWORD);
        assertThat(checkDigit.text()).contains("PNR-004", "Personnumret är inte giltigt");
        assertThat(checkDigit.body()).as("what the user typed is kept")
                .contains("value=\"" + user.personnummer().substring(0, 11));
        assertThat(browser.messagesSentTo(user.mobile().e164())).isZero();
    }

    @Test
    void step1WhenPasswordMissingOrWrongLengthThenItsOwnMessage() {
        SmsUser user = registry.smsUser(PASSWORD);
        Page empty = step1(user.personnummer(), "");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.text()).contains("Ange ditt lösenord.", "SMS-001");
        Page shortOne = step1(user.personnummer(), "abc");
        assertThat(shortOne.text()).contains("Lösenordet består av 8 tecken.", "SMS-002");
        assertThat(shortOne.body()).doesNotContain("value=\"abc\"");
    }

    @Test
    void step1WhenPersonnummerTypedWithHyphenOrTenDigitsThenAccepted() {
        SmsUser user = registry.smsUser(PASSWORD);
        String p = user.personnummer();
        Page page = step1(p.substring(2, 8) + "-" + p.substring(8), PASSWORD);
        assertThat(page.redirectsTo("/login/sms/kod")).isTrue();
    }

    @Test
    void errorPageWhenShownThenHasCodeCorrelationIdAndCatalogueLink() {
        Page page = step1("", "");
        assertThat(page.text()).containsPattern("Referens\\s*:\\s*[A-Z0-9]{10}");
        assertThat(page.body()).contains("/support/vanliga-felmeddelanden/sms#PNR-001");
    }

    // --- lockout -------------------------------------------------------------------------------

    @Test
    void step1WhenFailuresRepeatThenTemporaryLockWithGrowingWaitThenPermanentLock() {
        SmsUser user = registry.smsUser(PASSWORD);
        for (int i = 1; i <= 4; i++) {
            assertThat(step1(user.personnummer(), "Wrong000").status()).isEqualTo(401);
        }
        Page fifth = step1(user.personnummer(), "Wrong000");
        assertThat(fifth.status()).isEqualTo(429);
        assertThat(fifth.text()).contains("SMS-004", "spärrad i 1 minut");

        Page rightButLocked = step1(user.personnummer(), PASSWORD);
        assertThat(rightButLocked.status()).as("the right password does not pass a lock").isEqualTo(429);

        clock.advance(Duration.ofSeconds(61));
        Page sixth = step1(user.personnummer(), "Wrong000");
        assertThat(sixth.text()).contains("SMS-004", "spärrad i 2 minut");

        for (int failures = 7; failures < 20; failures++) {
            clock.advance(Duration.ofHours(1).plusSeconds(1));
            step1(user.personnummer(), "Wrong000");
        }
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        Page twentieth = step1(user.personnummer(), "Wrong000");
        assertThat(twentieth.status()).isEqualTo(423);
        assertThat(twentieth.text()).contains("SMS-005", "Kundcenter");

        clock.advance(Duration.ofDays(30));
        assertThat(step1(user.personnummer(), PASSWORD).status()).as("only customer service unlocks").isEqualTo(423);
    }

    @Test
    void step1WhenUnknownPersonnummerFailsRepeatedlyThenLockedLikeAKnownOne() {
        String unknown = TestRegistry.uniquePersonnummer().value();
        for (int i = 1; i <= 4; i++) {
            step1(unknown, "Wrong000");
        }
        assertThat(step1(unknown, "Wrong000").text()).contains("SMS-004");
    }

    @Test
    void loginWhenCompletedThenFailureCounterStartsAgain() {
        SmsUser user = registry.smsUser(PASSWORD);
        for (int i = 1; i <= 3; i++) {
            step1(user.personnummer(), "Wrong000");
        }
        loginToCodePage(user);
        assertThat(browser.post("/login/sms/kod", "code", browser.latestCodeSentTo(user.mobile().e164()))
                .redirectsTo("/sus")).isTrue();
        WebClient again = new WebClient("http://localhost:" + port);
        again.get("/login/sms");
        for (int i = 1; i <= 4; i++) {
            assertThat(again.post("/login/sms", "personnummer", user.personnummer(), "password", "Wrong000").status())
                    .isEqualTo(401);
        }
    }

    // --- step 2 --------------------------------------------------------------------------------

    @Test
    void step1WhenRightThenSmsWithOtpAndOriginBoundLineToRegisteredMobile() {
        SmsUser user = registry.smsUser(PASSWORD);
        Page codePage = loginToCodePage(user);
        String code = browser.latestCodeSentTo(user.mobile().e164());
        String outbox = browser.get("/dev/sms/outbox.json").body();
        assertThat(outbox).contains("Your OTP: " + code, "@sus.test #" + code, "\"flash\":false");
        assertThat(codePage.text()).contains("Skriv in ditt engångslösen")
                .contains(user.mobile().e164().substring(user.mobile().e164().length() - 2))
                .doesNotContain(user.mobile().e164());
        assertThat(codePage.body()).contains("autocomplete=\"one-time-code\"", "inputmode=\"numeric\"");
    }

    @Test
    void codePageWhenReloadedThenNoNewSms() {
        SmsUser user = registry.smsUser(PASSWORD);
        loginToCodePage(user);
        browser.get("/login/sms/kod");
        browser.get("/login/sms/kod");
        assertThat(browser.messagesSentTo(user.mobile().e164())).isEqualTo(1);
    }

    @Test
    void step2WhenCodeTypedWithSpacesOrDashThenAccepted() {
        SmsUser user = registry.smsUser(PASSWORD);
        loginToCodePage(user);
        String code = browser.latestCodeSentTo(user.mobile().e164());
        Page page = browser.post("/login/sms/kod", "code", code.substring(0, 3) + " - " + code.substring(3));
        assertThat(page.redirectsTo("/sus")).isTrue();
    }

    @Test
    void step2WhenCodeEmptyOrMalformedThenItsOwnMessageAndNotCounted() {
        SmsUser user = registry.smsUser(PASSWORD);
        loginToCodePage(user);
        Page empty = browser.post("/login/sms/kod", "code", "");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.text()).contains("SMS-006");
        assertThat(browser.post("/login/sms/kod", "code", "12ab56").text()).contains("SMS-007");
        assertThat(browser.post("/login/sms/kod", "code", "1234567").text()).contains("SMS-007");
        assertThat(browser.post("/login/sms/kod", "code", "12345").text()).contains("SMS-007");
        String code = browser.latestCodeSentTo(user.mobile().e164());
        assertThat(browser.post("/login/sms/kod", "code", code).redirectsTo("/sus")).isTrue();
    }

    @Test
    void step2WhenThreeWrongCodesThenTransactionVoidedAndRightCodeNoLongerWorks() {
        SmsUser user = registry.smsUser(PASSWORD);
        loginToCodePage(user);
        String code = browser.latestCodeSentTo(user.mobile().e164());
        String wrong = code.equals("000000") ? "111111" : "000000";

        Page first = browser.post("/login/sms/kod", "code", wrong);
        assertThat(first.status()).isEqualTo(401);
        assertThat(first.text()).contains("SMS-008", "2 försök kvar");
        assertThat(browser.post("/login/sms/kod", "code", wrong).text()).contains("1 försök kvar");
        Page third = browser.post("/login/sms/kod", "code", wrong);
        assertThat(third.text()).contains("SMS-010", "Börja om med inloggningen");

        Page late = browser.post("/login/sms/kod", "code", code);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.text()).contains("SMS-011");
    }

    @Test
    void step2WhenCodeExpiredThenItsOwnMessageAndNewCodeWorks() {
        SmsUser user = registry.smsUser(PASSWORD);
        loginToCodePage(user);
        String code = browser.latestCodeSentTo(user.mobile().e164());
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        Page expired = browser.post("/login/sms/kod", "code", code);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.text()).contains("SMS-009", "Engångslösenet har gått ut.");

        assertThat(browser.post("/login/sms/kod/nytt").redirectsTo("/login/sms/kod?skickat")).isTrue();
        String fresh = browser.latestCodeSentTo(user.mobile().e164());
        assertThat(browser.post("/login/sms/kod", "code", fresh).redirectsTo("/sus")).isTrue();
    }

    @Test
    void step2WhenCodeFromAnotherTransactionOrPersonThenRejected() {
        SmsUser anna = registry.smsUser(PASSWORD);
        SmsUser bertil = registry.smsUser("Mj7tLnq3");
        loginToCodePage(anna);
        WebClient other = new WebClient("http://localhost:" + port);
        other.get("/login/sms");
        other.post("/login/sms", "personnummer", bertil.personnummer(), "password", "Mj7tLnq3");
        String bertilsCode = other.latestCodeSentTo(bertil.mobile().e164());
        String annasCode = browser.latestCodeSentTo(anna.mobile().e164());
        if (!bertilsCode.equals(annasCode)) {
            assertThat(browser.post("/login/sms/kod", "code", bertilsCode).text()).contains("SMS-008");
        }

        // Anna's second login transaction: the code of her first one no longer works.
        WebClient annaAgain = new WebClient("http://localhost:" + port);
        annaAgain.get("/login/sms");
        annaAgain.post("/login/sms", "personnummer", anna.personnummer(), "password", PASSWORD);
        String secondCode = annaAgain.latestCodeSentTo(anna.mobile().e164());
        if (!secondCode.equals(annasCode)) {
            assertThat(annaAgain.post("/login/sms/kod", "code", annasCode).text()).contains("SMS-008");
        }
        assertThat(annaAgain.post("/login/sms/kod", "code", secondCode).redirectsTo("/sus")).isTrue();
    }

    @Test
    void step2WhenCodeUsedOnceThenReplayIsRejected() {
        SmsUser user = registry.smsUser(PASSWORD);
        loginToCodePage(user);
        String code = browser.latestCodeSentTo(user.mobile().e164());
        assertThat(browser.post("/login/sms/kod", "code", code).redirectsTo("/sus")).isTrue();
        browser.get("/sus");
        Page replay = browser.post("/login/sms/kod", "code", code);
        assertThat(replay.text()).contains("SMS-011");
    }

    @Test
    void codePageWhenNoLoginStartedThenAskedToStartAgain() {
        Page page = browser.get("/login/sms/kod");
        assertThat(page.status()).isEqualTo(409);
        assertThat(page.text()).contains("SMS-011", "Börja om med inloggningen");
    }

    @Test
    void wrongCodesWhenCountedThenAlsoCountTowardsTheAccountLock() {
        SmsUser user = registry.smsUser(PASSWORD);
        for (int i = 1; i <= 3; i++) {
            step1(user.personnummer(), "Wrong000");
        }
        loginToCodePage(user);
        String code = browser.latestCodeSentTo(user.mobile().e164());
        String wrong = code.equals("000000") ? "111111" : "000000";
        assertThat(browser.post("/login/sms/kod", "code", wrong).text()).contains("SMS-008");
        Page locking = browser.post("/login/sms/kod", "code", wrong);
        assertThat(locking.status()).isEqualTo(429);
        assertThat(locking.text()).contains("SMS-004");
    }

    // --- resend --------------------------------------------------------------------------------

    @Test
    void resendWhenWithinCooldownThenRefusedAfterwardsNewCodeAndOldOneStops() {
        SmsUser user = registry.smsUser(PASSWORD);
        loginToCodePage(user);
        String first = browser.latestCodeSentTo(user.mobile().e164());
        Page tooSoon = browser.post("/login/sms/kod/nytt");
        assertThat(tooSoon.status()).isEqualTo(429);
        assertThat(tooSoon.text()).contains("SMS-012", "sekunder");
        assertThat(browser.messagesSentTo(user.mobile().e164())).isEqualTo(1);

        clock.advance(Duration.ofSeconds(31));
        assertThat(browser.post("/login/sms/kod/nytt").redirectsTo("/login/sms/kod?skickat")).isTrue();
        assertThat(browser.get("/login/sms/kod?skickat").text()).contains("Ett nytt engångslösen har skickats.");
        String second = browser.latestCodeSentTo(user.mobile().e164());
        assertThat(browser.messagesSentTo(user.mobile().e164())).isEqualTo(2);
        if (!second.equals(first)) {
            assertThat(browser.post("/login/sms/kod", "code", first).text()).contains("SMS-008");
        }
        assertThat(browser.post("/login/sms/kod", "code", second).redirectsTo("/sus")).isTrue();
    }

    @Test
    void resendWhenHourlyCapReachedThenRefused() {
        SmsUser user = registry.smsUser(PASSWORD);
        loginToCodePage(user);
        for (int sent = 2; sent <= 5; sent++) {
            clock.advance(Duration.ofSeconds(31));
            assertThat(browser.post("/login/sms/kod/nytt").redirectsTo("/login/sms/kod?skickat")).isTrue();
        }
        clock.advance(Duration.ofSeconds(31));
        Page capped = browser.post("/login/sms/kod/nytt");
        assertThat(capped.status()).isEqualTo(429);
        assertThat(capped.text()).contains("SMS-013");
        assertThat(browser.messagesSentTo(user.mobile().e164())).isEqualTo(5);
    }

    @Test
    void resendWhenUsedThenFailureCounterNotReset() {
        SmsUser user = registry.smsUser(PASSWORD);
        for (int i = 1; i <= 3; i++) {
            step1(user.personnummer(), "Wrong000");
        }
        loginToCodePage(user);
        clock.advance(Duration.ofSeconds(31));
        browser.post("/login/sms/kod/nytt");
        int failures = jdbc.sql("SELECT failures FROM login_throttle WHERE personnummer = :p")
                .param("p", user.personnummer()).query(Integer.class).single();
        assertThat(failures).isEqualTo(3);
    }
}
