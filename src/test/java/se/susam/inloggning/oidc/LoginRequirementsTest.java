package se.susam.inloggning.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;

import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.openid.connect.sdk.Prompt;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import org.junit.jupiter.api.Test;

import se.susam.inloggning.oidc.TestRelyingParty.Attempt;
import se.susam.inloggning.testsupport.TestRegistry.SmsUser;
import se.susam.inloggning.testsupport.WebClient;
import se.susam.inloggning.testsupport.WebClient.Page;

/**
 * What an authorization request may demand of the login (OpenID Connect Core §3.1.2.1: acr_values,
 * prompt, max_age), and that a person without valid access never reaches a client.
 */
class LoginRequirementsTest extends RelyingPartyTestSupport {

    private static final String LOA3 = "http://id.elegnamnden.se/loa/1.0/loa3";
    private static final String LOA4 = "http://id.elegnamnden.se/loa/1.0/loa4";
    private static final String UNCERTIFIED_LOA2 = "http://id.swedenconnect.se/loa/1.0/uncertified-loa2";

    private void withdraw(SmsUser user) {
        jdbc.sql("UPDATE access_grant SET status = 'WITHDRAWN', withdrawn_at = CURRENT_TIMESTAMP WHERE person_id = :p")
                .param("p", user.person().id()).update();
    }

    @Test
    void authorizeWhenAccessWithdrawnDuringTheSessionThenNoAccessPageNotTheClient() {
        SmsUser user = registry.smsUser(PASSWORD);
        Completed completed = authorize(user, BASIC);
        withdraw(user);
        Attempt again = TestRelyingParty.authorizationRequest(provider, BASIC, ALL, b -> { });
        Page page = completed.browser().get(pathAndQuery(again.requestUri()));
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.location()).isNull();
        assertThat(page.text()).contains("Du saknar behörighet till SUS", "ACC-003", "Test Person");
    }

    @Test
    void loginWhenAccessExpiredThenNoAccessPageAndNoCode() {
        SmsUser user = registry.smsUser(PASSWORD, se.susam.inloggning.access.AccessStatus.ACTIVE,
                LocalDate.now().minusYears(1), LocalDate.now().minusDays(1));
        WebClient browser = browser();
        Attempt attempt = TestRelyingParty.authorizationRequest(provider, BASIC, ALL, b -> { });
        browser.get(pathAndQuery(attempt.requestUri()));
        browser.get("/login/sms");
        browser.post("/login/sms", "personnummer", user.personnummer(), "password", user.masterPassword());
        browser.get("/login/sms/kod");
        Page page = browser.post("/login/sms/kod", "code", browser.latestCodeSentTo(user.mobile().e164()));
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.text()).contains("ACC-002");
        assertThat(browser.get(pathAndQuery(attempt.requestUri())).redirectsTo("/login")).isTrue();
    }

    @Test
    void refreshWhenAccessWithdrawnThenInvalidGrant() {
        SmsUser user = registry.smsUser(PASSWORD);
        var tokens = tokens(authorize(user, BASIC));
        withdraw(user);
        var response = TestRelyingParty.token(provider, TestRelyingParty.secretBasic(BASIC),
                new RefreshTokenGrant(tokens.getOIDCTokens().getRefreshToken()));
        assertThat(((TokenErrorResponse) response).getErrorObject().getCode()).isEqualTo("invalid_grant");
    }

    @Test
    void authorizeWhenAcrNoLoginMethodReachesThenUnmetAuthenticationRequirementsToClient() {
        Completed completed = authorize(registry.smsUser(PASSWORD), BASIC);
        Attempt loa4 = TestRelyingParty.authorizationRequest(provider, BASIC, ALL,
                b -> b.acrValues(java.util.List.of(new ACR(LOA4))));
        var error = error(completed.browser().get(pathAndQuery(loa4.requestUri())));
        assertThat(error.getErrorObject().getCode()).isEqualTo("unmet_authentication_requirements");
        assertThat(error.getState()).isEqualTo(loa4.state());
    }

    @Test
    void authorizeWhenAcrAboveTheSessionsLoginThenStepUpToLoginKeepingTheSession() {
        Completed completed = authorize(registry.smsUser(PASSWORD), BASIC);
        Attempt loa3 = TestRelyingParty.authorizationRequest(provider, BASIC, ALL,
                b -> b.acrValues(java.util.List.of(new ACR(LOA3))));
        Page page = completed.browser().get(pathAndQuery(loa3.requestUri()));
        assertThat(page.redirectsTo("/login")).isTrue();
        Page chooser = completed.browser().get("/login");
        assertThat(chooser.text()).contains("kräver", "Telia").doesNotContain("SMS-inloggning Personnummer");
        assertThat(completed.browser().get("/sus").status()).as("the SMS session goes on").isEqualTo(200);
    }

    @Test
    void stepUpWhenCompletedWithEIdThenCodeWithLoa3ForTheSamePerson() throws Exception {
        SmsUser user = registry.smsUser(PASSWORD);
        Completed completed = authorize(user, BASIC);
        String smsSubject = TestRelyingParty.idTokenValidator(provider, BASIC)
                .validate(tokens(completed).getOIDCTokens().getIDToken(), completed.attempt().nonce())
                .getSubject().getValue();
        Attempt loa3 = TestRelyingParty.authorizationRequest(provider, BASIC, ALL,
                b -> b.acrValues(java.util.List.of(new ACR(LOA3))));
        WebClient browser = completed.browser();
        browser.get(pathAndQuery(loa3.requestUri()));
        URI atBroker = URI.create(browser.get("/login/e-legitimation/telia").location());
        BROKER.enqueueCallback(new no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback("telia", "x", "JWT",
                null, java.util.Map.of("https://id.oidc.se/claim/personalIdentityNumber", user.personnummer()), 60));
        HttpResponse<String> back = HttpClient.newHttpClient().send(HttpRequest.newBuilder(atBroker).build(),
                HttpResponse.BodyHandlers.ofString());
        URI callback = URI.create(back.headers().firstValue("Location").orElseThrow());
        Page continued = browser.get(pathAndQuery(callback));
        assertThat(continued.location()).endsWith(pathAndQuery(loa3.requestUri()));
        var response = success(browser.get(pathAndQuery(loa3.requestUri())));
        var claims = TestRelyingParty.idTokenValidator(provider, BASIC).validate(
                tokens(new Completed(loa3, response, browser)).getOIDCTokens().getIDToken(), loa3.nonce());
        assertThat(claims.getACR().getValue()).isEqualTo(LOA3);
        assertThat(claims.getSubject().getValue()).isEqualTo(smsSubject);
    }

    @Test
    void acrWhenOnlyMethodsBelowItAreAvailableThenNoMethodAccepted() {
        var demand = AuthorizationRequests.Demand.of(java.util.Map.of("acr_values", LOA3),
                java.util.List.of(se.susam.inloggning.login.LoginMethod.SMS));
        assertThat(demand.acceptedMethods()).isEmpty();
    }

    @Test
    void authorizeWhenAcrMetByTheSessionsLoginThenCodeWithThatAcr() throws Exception {
        Completed completed = authorize(registry.smsUser(PASSWORD), BASIC);
        Attempt loa2 = TestRelyingParty.authorizationRequest(provider, BASIC, ALL,
                b -> b.acrValues(java.util.List.of(new ACR(UNCERTIFIED_LOA2))));
        var response = success(completed.browser().get(pathAndQuery(loa2.requestUri())));
        var claims = TestRelyingParty.idTokenValidator(provider, BASIC).validate(
                tokens(new Completed(loa2, response, completed.browser())).getOIDCTokens().getIDToken(),
                loa2.nonce());
        assertThat(claims.getACR().getValue()).isEqualTo(UNCERTIFIED_LOA2);
    }

    @Test
    void authorizeWhenPromptNoneWithoutSessionThenLoginRequiredToClient() {
        Attempt attempt = TestRelyingParty.authorizationRequest(provider, BASIC, ALL,
                b -> b.prompt(new Prompt(Prompt.Type.NONE)));
        assertThat(error(browser().get(pathAndQuery(attempt.requestUri()))).getErrorObject().getCode())
                .isEqualTo("login_required");
    }

    @Test
    void authorizeWhenPromptNoneWithSessionThenCodeWithoutLogin() {
        Completed completed = authorize(registry.smsUser(PASSWORD), BASIC);
        Attempt attempt = TestRelyingParty.authorizationRequest(provider, BASIC, ALL,
                b -> b.prompt(new Prompt(Prompt.Type.NONE)));
        success(completed.browser().get(pathAndQuery(attempt.requestUri())));
    }

    @Test
    void authorizeWhenPromptLoginThenLoginAgainAndThenCode() {
        SmsUser user = registry.smsUser(PASSWORD);
        Completed completed = authorize(user, BASIC);
        Attempt attempt = TestRelyingParty.authorizationRequest(provider, BASIC, ALL,
                b -> b.prompt(new Prompt(Prompt.Type.LOGIN)));
        success(loginThroughSms(completed.browser(), attempt.requestUri(), user));
    }

    @Test
    void authorizeWhenMaxAgeZeroThenLoginAgainButLongMaxAgeMetByTheSession() {
        SmsUser user = registry.smsUser(PASSWORD);
        Completed completed = authorize(user, BASIC);
        Attempt hour = TestRelyingParty.authorizationRequest(provider, BASIC, ALL, b -> b.maxAge(3600));
        success(completed.browser().get(pathAndQuery(hour.requestUri())));
        Attempt zero = TestRelyingParty.authorizationRequest(provider, BASIC, ALL, b -> b.maxAge(0));
        success(loginThroughSms(completed.browser(), zero.requestUri(), user));
    }
}
