package se.susam.inloggning.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.susam.inloggning.testsupport.TestSupportConfiguration;
import se.susam.inloggning.testsupport.WebClient;
import se.susam.inloggning.testsupport.WebClient.Page;

/**
 * The demo as {@code ./sus demo} runs it, on free ports: the demo SUS relying party logs Anna in
 * through the provider, with the Telia button and the demo broker (mock-oauth2-server) in between,
 * shows her ID token's claims, and is logged out by the back channel when she logs out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles({"test", "demo"})
@Tag("database")
@Import(TestSupportConfiguration.class)
class DemoRoundTripTest {

    static final int PORT = freePort();
    static final int BROKER_PORT = freePort();
    static final String BASE = "http://localhost:" + PORT;

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void ports(DynamicPropertyRegistry properties) {
        properties.add("server.port", () -> PORT);
        properties.add("sus.demo.broker-port", () -> BROKER_PORT);
        properties.add("sus.oidc.issuer", () -> BASE);
        // The PostgreSQL run shares one database among all test contexts: seal keys as the others do.
        properties.add("sus.oidc.key-encryption-key", () -> "dGVzdC1vbmx5LW9pZGMta2V5LWVuY3J5cHRpb24ta2V5LTMyYg==");
        properties.add("sus.oidc.clients.sus.jwks-uri", () -> BASE + "/demo-sus/jwks.json");
        properties.add("sus.oidc.clients.sus.redirect-uris", () -> BASE + "/demo-sus/callback");
        properties.add("sus.oidc.clients.sus.post-logout-redirect-uris", () -> BASE + "/demo-sus");
        properties.add("sus.oidc.clients.sus.backchannel-logout-uri", () -> BASE + "/demo-sus/backchannel-logout");
        properties.add("sus.eleg.providers.telia.issuer", () -> "http://localhost:" + BROKER_PORT + "/telia");
        properties.add("sus.eleg.providers.nordea.issuer", () -> "http://localhost:" + BROKER_PORT + "/nordea");
    }

    /** The person at the demo broker: its login page, then choosing Anna. Returns where it sends her back. */
    private static URI atBroker(URI authorization) throws Exception {
        return atBroker(authorization, "198001149825");
    }

    private static URI atBroker(URI authorization, String personnummer) throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String page = http.send(HttpRequest.newBuilder(authorization).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("Demo-utfärdare", "Anna Lindqvist, 198001149825", "Avbryt inloggningen");
        String claims = "{\"https://id.oidc.se/claim/personalIdentityNumber\":\"" + personnummer + "\"}";
        String form = "username=demo-e-legitimation&claims=" + URLEncoder.encode(claims, StandardCharsets.UTF_8);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(authorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return URI.create(answer.headers().firstValue("Location").orElseThrow());
    }

    private static String local(String location) {
        URI uri = URI.create(location);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    @Test
    void demoSusWhenAnnaLogsInWithTeliaThenSeesHerClaimsAndIsLoggedOutByTheBackChannel() throws Exception {
        WebClient browser = new WebClient(BASE);
        assertThat(browser.get("/demo-sus").text()).contains("Du är inte inloggad i demo-SUS");

        Page toProvider = browser.get("/demo-sus/login?niva=loa3");
        Page toLogin = browser.get(local(toProvider.location()));
        assertThat(toLogin.redirectsTo("/login")).isTrue();
        Page chooser = browser.get("/login");
        assertThat(chooser.text()).contains("Telia", "kräver");
        Page toBroker = browser.get("/login/e-legitimation/telia");
        URI back = atBroker(URI.create(toBroker.location()));
        Page loggedIn = browser.get(local(back.toString()));
        Page code = browser.get(local(loggedIn.location()));
        assertThat(code.location()).startsWith(BASE + "/demo-sus/callback?code=");
        Page done = browser.get(local(code.location()));
        assertThat(done.redirectsTo("/demo-sus")).isTrue();

        Page demoSus = browser.get("/demo-sus");
        assertThat(demoSus.text()).contains("Du är inloggad i demo-SUS", "198001149825", "Anna Lindqvist",
                "http://id.elegnamnden.se/loa/1.0/loa3", "Samordningsförbundet Göteborg Nordost");

        browser.get("/sus");
        browser.post("/logout");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (browser.get("/demo-sus").text().contains("Du är inloggad") && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(browser.get("/demo-sus").text()).contains("Du är inte inloggad i demo-SUS");
    }

    @Test
    void ceciliaWhenLoggingInWithTeliaThenSusAndHerKundcenterConsole() throws Exception {
        WebClient browser = new WebClient(BASE);
        URI back = atBroker(URI.create(browser.get("/login/e-legitimation/telia").location()), "196803059879");
        assertThat(browser.get(local(back.toString())).redirectsTo("/sus")).isTrue();
        assertThat(browser.get("/sus").text()).contains("Cecilia Ek", "Försäkringskassan");
        assertThat(browser.get("/console").status()).isEqualTo(200);
    }
}
