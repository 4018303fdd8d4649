package se.susam.inloggning.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.susam.inloggning.access.Person;
import se.susam.inloggning.access.StaffRole;

/**
 * A real staff login over HTTP: a new person with a console role logs in with BankID on this
 * computer, the simulator's app approving the order, and lands on the console. The session lives
 * in the session store like any browser's, so tests can continue it in a {@link WebClient} or hand
 * its cookie to Chromium.
 */
public final class StaffBankIdLogin {

    private static final Pattern AUTOSTART_TOKEN = Pattern.compile("autostarttoken=([0-9a-f-]+)");

    private StaffBankIdLogin() {
    }

    /** Logs in a new staff member named Karin Kundcenter holding {@code role}; returns their browser. */
    public static WebClient staff(String baseUrl, TestRegistry registry, MutableClock clock, StaffRole role) {
        Person staff = registry.person("Karin", "Kundcenter");
        registry.registry().addStaffRole(staff.id(), role, Optional.empty());
        WebClient login = new WebClient(baseUrl);
        login.get("/login/bankid");
        login.post("/login/bankid/start", "enhet", "denna");
        Matcher token = AUTOSTART_TOKEN.matcher(login.get("/login/bankid/vantar").body());
        assertThat(token.find()).isTrue();
        WebClient app = new WebClient(baseUrl);
        app.get("/dev/bankid/app");
        String order = URI.create(app.post("/dev/bankid/app/oppna", "code", token.group(1), "person", "annan",
                "personnummer", staff.personnummer().value(), "fornamn", "Karin", "efternamn", "Kundcenter",
                "action", "open").location()).getPath();
        app.get(order);
        app.post(order, "action", "identify");
        // BankID is collected at most every 2 s (RP API v6.0): move the clock past it, then back.
        clock.advance(Duration.ofSeconds(3));
        try {
            assertThat(login.get("/login/bankid/vantar").location()).endsWith("/console");
        } finally {
            clock.reset();
        }
        return login;
    }
}
