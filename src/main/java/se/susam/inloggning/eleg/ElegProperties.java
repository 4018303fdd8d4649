package se.susam.inloggning.eleg;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sus.eleg.*}
 *
 * @param loginValidity how long a started login waits for the person to come back from the provider
 * @param providers     the e-ID providers by their key, which is also their path
 *                      ({@code /login/e-legitimation/<key>}); shown on the chooser in this order
 */
@Validated
@ConfigurationProperties("sus.eleg")
record ElegProperties(@DefaultValue("10m") @NotNull Duration loginValidity,
                      @DefaultValue Map<String, @Valid Provider> providers) {

    /** The Swedish eID framework's personnummer claim (OIDC claims and scopes, §2.1). */
    static final String PERSONAL_IDENTITY_NUMBER = "https://id.oidc.se/claim/personalIdentityNumber";

    @AssertTrue(message = "sus.eleg.providers keys must be lower-case letters, digits and dashes (they are paths)")
    boolean isEveryKeyAPath() {
        return providers == null || providers.keySet().stream().allMatch(k -> k.matches("[a-z0-9-]{1,40}"));
    }

    /**
     * {@code sus.eleg.providers.<key>.*}
     *
     * @param name              the button's title, e.g. {@code Telia}
     * @param textSv            the button's text in Swedish
     * @param textEn            the button's text in English
     * @param issuer            the broker's issuer; its {@code /.well-known/openid-configuration} is read
     * @param clientId          our client id at the broker
     * @param clientSecret      our secret at the broker (client_secret_basic)
     * @param scopes            scopes asked for
     * @param personnummerClaim the ID token (or UserInfo) claim holding the personnummer
     * @param acrValues         assurance levels to ask for, e.g. {@code http://id.elegnamnden.se/loa/1.0/loa3}
     * @param connectTimeout    connect timeout towards the broker
     * @param readTimeout       answer timeout towards the broker
     */
    record Provider(@NotBlank String name,
                    @NotBlank String textSv,
                    @NotBlank String textEn,
                    @NotNull URI issuer,
                    @NotBlank String clientId,
                    @NotBlank String clientSecret,
                    @DefaultValue({"openid", "https://id.oidc.se/scope/naturalPersonNumber"}) List<String> scopes,
                    @DefaultValue(PERSONAL_IDENTITY_NUMBER) @NotBlank String personnummerClaim,
                    @DefaultValue List<String> acrValues,
                    @DefaultValue("5s") @NotNull Duration connectTimeout,
                    @DefaultValue("10s") @NotNull Duration readTimeout) {

        /** OAuth 2.0 Security BCP: only TLS towards a broker, except one on this machine (demo, tests). */
        @AssertTrue(message = "issuer must be https (http only for localhost)")
        boolean isIssuerSafe() {
            return issuer == null || "https".equals(issuer.getScheme())
                    || "http".equals(issuer.getScheme()) && List.of("localhost", "127.0.0.1").contains(issuer.getHost());
        }

        String text(Locale locale) {
            return "en".equals(locale.getLanguage()) ? textEn : textSv;
        }
    }
}
