package se.susam.inloggning.eleg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.TokenRequest;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Exception;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.UriComponentsBuilder;

import se.susam.inloggning.testsupport.Brokers;
import se.susam.inloggning.testsupport.DatabaseTest;
import se.susam.inloggning.testsupport.TestRegistry;
import se.susam.inloggning.testsupport.TestRegistry.SmsUser;
import se.susam.inloggning.testsupport.WebClient;
import se.susam.inloggning.testsupport.WebClient.Page;

/**
 * E-legitimation through brokers, against NAV's mock-oauth2-server running in-process as the
 * brokers "telia" and "nordea" (Nordea's configured with another personnummer claim), and a
 * "freja" broker that cannot be reached.
 */
@DatabaseTest
class ElegLoginTest {

    static final MockOAuth2Server BROKER = started();
    static final String PNR_CLAIM = "https://id.oidc.se/claim/personalIdentityNumber";
    private static final String PASSWORD = "Kaxe4Rpt";
    private static final HttpClient BROWSER_AT_BROKER = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private static MockOAuth2Server started() {
        MockOAuth2Server server = new MockOAuth2Server();
        server.start();
        return server;
    }

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry properties) {
        Brokers.register(properties, "telia", "Telia", BROKER.issuerUrl("telia").toString());
        Brokers.register(properties, "nordea", "Nordea", BROKER.issuerUrl("nordea").toString());
        properties.add("sus.eleg.providers.nordea.personnummer-claim", () -> "personnummer");
        Brokers.register(properties, "freja", "Freja", "http://localhost:9/freja");
    }

    @LocalServerPort
    int port;

    @Autowired
    TestRegistry registry;

    @Autowired
    JdbcClient jdbc;

    private WebClient browser() {
        return new WebClient("http://localhost:" + port);
    }

    /** The broker's next ID token carries these claims. */
    private static void nextToken(String issuerId, Map<String, Object> claims) {
        BROKER.enqueueCallback(new DefaultOAuth2TokenCallback(issuerId, "broker-subject", "JWT", null, claims, 3600));
    }

    /** Starts a login and returns the address the broker sent the person to. */
    private static URI start(WebClient browser, String key) {
        Page toBroker = browser.get("/login/e-legitimation/" + key);
        assertThat(toBroker.status()).isEqualTo(302);
        return URI.create(toBroker.location());
    }

    /** The person at the broker (the mock logs in at once) and back: the callback's path and query. */
    private static String atBroker(URI authorization) {
        try {
            HttpResponse<String> response = BROWSER_AT_BROKER.send(HttpRequest.newBuilder(authorization).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            URI back = URI.create(response.headers().firstValue("Location").orElseThrow());
            return back.getRawPath() + "?" + back.getRawQuery();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String param(URI uri, String name) {
        String value = UriComponentsBuilder.fromUri(uri).build().getQueryParams().getFirst(name);
        return value == null ? null : java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void chooserWhenProvidersConfiguredThenOneButtonEach() {
        Page chooser = browser().get("/login");
        assertThat(chooser.text()).contains("Telia E-legitimation från Telia", "Nordea E-legitimation från Nordea");
        assertThat(chooser.body()).contains("href=\"/login/e-legitimation/telia\"", "href=\"/login/e-legitimation/nordea\"");
        assertThat(browser().get("/login?lang=en").text()).contains("Telia E-ID from Telia");
    }

    @Test
    void loginWhenBrokerProvesThePersonnummerThenInSusWithStateNoncePkce() {
        SmsUser user = registry.smsUser(PASSWORD);
        WebClient browser = browser();
        URI authorization = start(browser, "telia");
        assertThat(param(authorization, "state")).isNotBlank();
        assertThat(param(authorization, "nonce")).isNotBlank();
        assertThat(param(authorization, "code_challenge_method")).isEqualTo("S256");
        assertThat(param(authorization, "redirect_uri")).endsWith("/login/e-legitimation/telia/callback");
        nextToken("telia", Map.of(PNR_CLAIM, user.personnummer()));

        Page back = browser.get(atBroker(authorization));

        assertThat(back.redirectsTo("/sus")).as(back.text()).isTrue();
        assertThat(browser.get("/sus").text()).contains("Test Person", "E-legitimation");
    }

    @Test
    void loginWhenProviderConfiguredWithAnotherClaimThenReadsThatClaim() {
        SmsUser user = registry.smsUser(PASSWORD);
        WebClient browser = browser();
        URI authorization = start(browser, "nordea");
        nextToken("nordea", Map.of("personnummer", user.personnummer().substring(0, 8) + "-" + user.personnummer().substring(8)));
        assertThat(browser.get(atBroker(authorization)).redirectsTo("/sus")).isTrue();
    }

    @Test
    void loginWhenPersonCancelsAtTheBrokerThenCancelledMessage() {
        WebClient browser = browser();
        URI authorization = start(browser, "telia");
        Page page = browser.get("/login/e-legitimation/telia/callback?error=access_denied&state="
                + param(authorization, "state"));
        assertThat(page.status()).isEqualTo(401);
        assertThat(page.text()).contains("ELEG-002", "Inloggningen med Telia avbröts");
        assertThat(page.body()).contains("/support/vanliga-felmeddelanden/bankid#ELEG-002");
    }

    @Test
    void loginWhenBrokerTokenEndpointFailsWithServerErrorThenProviderDown() {
        WebClient browser = browser();
        URI authorization = start(browser, "telia");
        BROKER.enqueueCallback(failing("telia", new ErrorObject("server_error", "broker failure", 500)));
        Page page = browser.get(atBroker(authorization));
        assertThat(page.status()).isEqualTo(503);
        assertThat(page.text()).contains("ELEG-001", "Inloggning med Telia fungerar inte just nu");
    }

    @Test
    void loginWhenBrokerRefusesTheCodeThenProviderError() {
        WebClient browser = browser();
        URI authorization = start(browser, "telia");
        BROKER.enqueueCallback(failing("telia", new ErrorObject("invalid_grant", "code refused", 400)));
        Page page = browser.get(atBroker(authorization));
        assertThat(page.status()).isEqualTo(502);
        assertThat(page.text()).contains("ELEG-005");
    }

    @Test
    void loginWhenBrokerCannotBeReachedThenProviderDown() {
        Page page = browser().get("/login/e-legitimation/freja");
        assertThat(page.status()).isEqualTo(503);
        assertThat(page.text()).contains("ELEG-001", "Freja");
    }

    @Test
    void loginWhenNoPersonnummerInTokenOrUserInfoThenMissing() {
        WebClient browser = browser();
        URI authorization = start(browser, "telia");
        nextToken("telia", Map.of("name", "Anna"));
        Page page = browser.get(atBroker(authorization));
        assertThat(page.status()).isEqualTo(502);
        assertThat(page.text()).contains("ELEG-003", "Telia skickade inget personnummer");
    }

    @Test
    void loginWhenPersonnummerHasAWrongCheckDigitThenInvalid() {
        WebClient browser = browser();
        URI authorization = start(browser, "telia");
        nextToken("telia", Map.of(PNR_CLAIM, "198001149820"));
        Page page = browser.get(atBroker(authorization));
        assertThat(page.status()).isEqualTo(502);
        assertThat(page.text()).contains("ELEG-004");
    }

    @Test
    void callbackWhenReplayedThenNoLogin() {
        SmsUser user = registry.smsUser(PASSWORD);
        WebClient browser = browser();
        URI authorization = start(browser, "telia");
        nextToken("telia", Map.of(PNR_CLAIM, user.personnummer()));
        String callback = atBroker(authorization);
        assertThat(browser.get(callback).redirectsTo("/sus")).isTrue();
        Page replay = browser().get(callback);
        assertThat(replay.status()).isEqualTo(409);
        assertThat(replay.text()).contains("ELEG-007");
    }

    @Test
    void callbackWhenStateDiffersThenNoLogin() {
        WebClient browser = browser();
        start(browser, "telia");
        Page page = browser.get("/login/e-legitimation/telia/callback?code=abc&state=forged");
        assertThat(page.status()).isEqualTo(409);
        assertThat(page.text()).contains("ELEG-007");
    }

    @Test
    void callbackWhenIssuerIsAnotherBrokerThenRefused() {
        WebClient browser = browser();
        URI authorization = start(browser, "telia");
        Page page = browser.get(atBroker(authorization) + "&iss=" + BROKER.issuerUrl("nordea"));
        assertThat(page.status()).isEqualTo(502);
        assertThat(page.text()).contains("ELEG-006");
    }

    @Test
    void catalogueWhenOpenedThenEveryElegCodeExplainedOnTheBankIdAndEIdPage() {
        Page page = browser().get("/support/vanliga-felmeddelanden/bankid");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("Vanliga felmeddelanden (BankID och e-legitimation)", "ELEG-001", "ELEG-002",
                "ELEG-003", "ELEG-004", "ELEG-005", "ELEG-006", "ELEG-007", "Du saknar behörighet");
    }

    @Test
    void loginWhenProviderUnknownThenNotFound() {
        assertThat(browser().get("/login/e-legitimation/okand").status()).isEqualTo(404);
    }

    @Test
    void loginWhenPersonHasNoAccessThenNoAccessPage() {
        WebClient browser = browser();
        URI authorization = start(browser, "telia");
        nextToken("telia", Map.of(PNR_CLAIM, TestRegistry.uniquePersonnummer().value()));
        Page page = browser.get(atBroker(authorization));
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.text()).contains("Du saknar behörighet till SUS", "ACC-001");
    }

    @Test
    void transactionWhenStartedThenKeptInTheDatabase() {
        start(browser(), "telia");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM eleg_login_transaction WHERE status = 'PENDING'")
                .query(Integer.class).single()).isPositive();
    }

    /** A broker whose token endpoint answers with {@code error}. */
    private static OAuth2TokenCallback failing(String issuerId, ErrorObject error) {
        return new OAuth2TokenCallback() {
            @Override
            public String issuerId() {
                return issuerId;
            }

            @Override
            public String subject(TokenRequest request) {
                throw new OAuth2Exception(error, error.getDescription());
            }

            @Override
            public String typeHeader(TokenRequest request) {
                return "JWT";
            }

            @Override
            public List<String> audience(TokenRequest request) {
                return List.of();
            }

            @Override
            public Map<String, Object> addClaims(TokenRequest request) {
                return Map.of();
            }

            @Override
            public long tokenExpiry() {
                return 60;
            }
        };
    }
}
