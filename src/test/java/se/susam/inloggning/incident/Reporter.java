package se.susam.inloggning.incident;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;

import se.susam.inloggning.testsupport.WebClient;
import se.susam.inloggning.testsupport.WebClient.Page;

/**
 * One person reporting a fault over HTTP, from a client address of their own (a loopback address
 * no other reporter in the run uses), so the per-address rate limit of one test never touches
 * another's.
 */
final class Reporter {

    static final String CHROME_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    private static final AtomicInteger ADDRESS = new AtomicInteger(1);

    final String address;
    final WebClient browser;

    private Reporter(String address, int port) {
        this.address = address;
        try {
            this.browser = new WebClient("http://127.0.0.1:" + port, InetAddress.getByName(address))
                    .userAgent(CHROME_ON_WINDOWS);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    static Reporter newAt(int port) {
        int n = ADDRESS.getAndIncrement();
        return new Reporter("127.42.%d.%d".formatted(n / 250, n % 250 + 1), port);
    }

    /** How many reports the database holds from this reporter's address. */
    int reportsStored(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM incident_report WHERE client_address = :a")
                .param("a", address).query(Integer.class).single();
    }

    /** Another browser (own cookies and session) on the same computer: the same client address. */
    Reporter besideThis(int port) {
        return new Reporter(address, port);
    }

    /** A complete, valid report from someone at a municipality; {@code overrides} replace fields. */
    static Map<String, String> validReport(Clock clock, String... overrides) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grupp", "ovriga");
        form.put("typ", "fel");
        form.put("namn", "Maja Testsson");
        form.put("epost", "maja.testsson@kommun.example.se");
        form.put("telefon", "070-174 06 40");
        form.put("organisation", "Testkommunen");
        form.put("metod", "SMS");
        form.put("kod", "SMS-003");
        form.put("ref", "K7QM2XH9PD");
        form.put("tid", LocalDateTime.ofInstant(clock.instant(), ZoneId.of("Europe/Stockholm")).minusMinutes(10)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
        form.put("beskrivning", "Jag får Fel personnummer eller lösenord fast lösenordet är rätt.");
        for (int i = 0; i < overrides.length; i += 2) {
            form.put(overrides[i], overrides[i + 1]);
        }
        return form;
    }

    /** Opens the form (for its CSRF token) and sends it. */
    Page send(Map<String, String> form) {
        browser.get("/felanmalan?grupp=ovriga");
        return post(form);
    }

    /** Sends the form with the CSRF token of the last page opened. */
    Page post(Map<String, String> form) {
        List<String> fields = new ArrayList<>();
        form.forEach((name, value) -> {
            fields.add(name);
            fields.add(value);
        });
        return browser.post("/felanmalan", fields.toArray(String[]::new));
    }
}
