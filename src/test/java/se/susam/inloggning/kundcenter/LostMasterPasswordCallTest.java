package se.susam.inloggning.kundcenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.susam.inloggning.access.AccessGrant;
import se.susam.inloggning.access.StaffRole;
import se.susam.inloggning.testsupport.DatabaseTest;
import se.susam.inloggning.testsupport.MutableClock;
import se.susam.inloggning.testsupport.StaffBankIdLogin;
import se.susam.inloggning.testsupport.TestRegistry;
import se.susam.inloggning.testsupport.TestRegistry.SmsUser;
import se.susam.inloggning.testsupport.WebClient;
import se.susam.inloggning.testsupport.WebClient.Page;

/**
 * The whole call as Kundcenter takes it, over real HTTP with a staff member logged in by BankID
 * (session in the session store, CSRF tokens from the pages): find the caller, check their
 * identity, send the new master password — and the personnummer never appears in a URL.
 */
@DatabaseTest
class LostMasterPasswordCallTest {

    private static final Pattern PERSON_PAGE = Pattern.compile("/console/personer/(\\d+)");

    @LocalServerPort
    int port;

    @Autowired
    TestRegistry registry;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private WebClient kundcenter() {
        return StaffBankIdLogin.staff("http://localhost:" + port, registry, clock, StaffRole.KUNDCENTER);
    }

    @Test
    void callWhenIdentityCheckedThenNewMasterPasswordSentAndNoPersonnummerInAnyUrl() {
        SmsUser caller = registry.smsUser("Kaxe4Rpt");
        AccessGrant grant = registry.registry().grantsOf(caller.person().id()).getFirst();
        WebClient staff = kundcenter();

        staff.get("/console/personer");
        Page found = staff.post("/console/personer", "personnummer", caller.personnummer());
        assertThat(found.location()).doesNotContain(caller.personnummer()).matches(".*" + PERSON_PAGE.pattern());
        Matcher id = PERSON_PAGE.matcher(found.location());
        assertThat(id.find()).isTrue();
        String checklist = "/console/personer/" + id.group(1) + "/nytt-masterlosenord";
        assertThat(staff.get(URI.create(found.location()).getPath()).text()).contains("Test Person", "Inte låst");

        staff.get(checklist);
        String[] said = {"namn", "Test Person", "personnummer", caller.personnummer(), "mobil", caller.mobile().e164(),
                "epost", "test@example.se", "organisation", grant.organisation().name()};
        Page compared = staff.post(checklist, concat(said, "atgard", "jamfor"));
        assertThat(compared.status()).isEqualTo(200);
        assertThat(compared.text()).contains("Stämmer med registret").doesNotContain("Stämmer inte");

        Page sent = staff.post(checklist, concat(said, "atgard", "skicka", "bekraftad", "namn"));
        assertThat(sent.status()).as("only one item confirmed").isEqualTo(400);
        assertThat(sent.text()).contains("KC-008");
        assertThat(staff.messagesSentTo(caller.mobile().e164())).isZero();

        Page confirmed = staff.post(checklist + "?" + confirmations(), concat(said, "atgard", "skicka"));
        assertThat(confirmed.location()).endsWith("?skickat").doesNotContain(caller.personnummer());
        URI confirmation = URI.create(confirmed.location());
        assertThat(staff.get(confirmation.getPath() + "?" + confirmation.getQuery()).text())
                .contains("Ett nytt masterlösenord har skickats som flash-SMS till " + MaskedMobile.of(caller.mobile()));
        assertThat(staff.messagesSentTo(caller.mobile().e164())).isEqualTo(1);
    }

    @Test
    void callWhenCallerIdentifiesWithBankIdOnTheirPhoneThenSendingIsAllowedWithoutTheChecklist() {
        SmsUser caller = registry.smsUser("Kaxe4Rpt");
        WebClient staff = kundcenter();
        String checklist = "/console/personer/" + caller.person().id() + "/nytt-masterlosenord";
        staff.get(checklist);

        Page started = staff.post(checklist + "/bankid");
        assertThat(URI.create(started.location()).getPath()).isEqualTo(checklist + "/bankid");
        assertThat(staff.get(checklist + "/bankid").text()).contains("Be Test Person att öppna BankID-appen");

        WebClient phone = new WebClient("http://localhost:" + port);
        Matcher order = Pattern.compile("name=\"orderRef\"[^>]*value=\"([^\"]+)\"[^>]*data-personnummer=\""
                + caller.personnummer() + "\"").matcher(phone.get("/dev/bankid/app").body());
        assertThat(order.find()).as("the phone order is listed in the app").isTrue();
        Page opened = phone.post("/dev/bankid/app/oppna", "action", "scan", "orderRef", order.group(1),
                "person", "annan", "personnummer", caller.personnummer());
        String orderPage = URI.create(opened.location()).getPath();
        phone.get(orderPage);
        phone.post(orderPage, "action", "identify");
        clock.advance(CallerBankId.COLLECT_INTERVAL);

        Page verified = staff.get(checklist + "/bankid");
        assertThat(verified.text()).contains("Den som ringer har legitimerat sig med BankID.");
        Page sent = staff.post(checklist, "atgard", "skicka-bankid");
        assertThat(sent.location()).endsWith("?skickat");
        assertThat(staff.messagesSentTo(caller.mobile().e164())).isEqualTo(1);
    }

    @Test
    void callWhenStaffIsOnlyBehorighetsadministratorThenRefusedButTheAuditTrailOpens() {
        SmsUser caller = registry.smsUser("Kaxe4Rpt");
        WebClient admin = StaffBankIdLogin.staff("http://localhost:" + port, registry, clock,
                StaffRole.BEHORIGHETSADMINISTRATOR);

        assertThat(admin.get("/console/personer").status()).isEqualTo(403);
        assertThat(admin.get("/console/personer/" + caller.person().id()).status()).isEqualTo(403);
        assertThat(admin.get("/console/granskning").status()).isEqualTo(200);
    }

    /** All five items ticked "Bekräftad", as a query string (the form sends them as repeated fields). */
    private static String confirmations() {
        return "bekraftad=namn&bekraftad=personnummer&bekraftad=mobil&bekraftad=epost&bekraftad=organisation";
    }

    private static String[] concat(String[] fields, String... more) {
        String[] all = Arrays.copyOf(fields, fields.length + more.length);
        System.arraycopy(more, 0, all, fields.length, more.length);
        return all;
    }
}
