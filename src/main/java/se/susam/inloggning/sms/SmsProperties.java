package se.susam.inloggning.sms;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import se.susam.inloggning.sms.operator.SmsAlphabet;

/**
 * {@code sus.sms.*}
 *
 * @param gateway   which gateway sends SMS; must be set. {@code smpp} or {@code http} are real
 *                  operators; {@code outbox} stores messages in the database for the demo page
 *                  {@code /dev/sms} and is refused outside the demo profile.
 * @param fallback  the other real operator, tried when {@code gateway} fails; unset for none
 * @param sender    the sender the phone shows: an alphanumeric sender id (up to 11 letters and
 *                  digits) or an E.164 number
 * @param templates the texts sent by the SMS module
 * @param smpp      the SMPP 3.4 account; needed when {@code gateway} or {@code fallback} is {@code smpp}
 * @param http      the HTTP operator API account; needed when {@code gateway} or {@code fallback} is {@code http}
 */
@Validated
@ConfigurationProperties("sus.sms")
public record SmsProperties(@NotNull(message = "set sus.sms.gateway (smpp or http; outbox in the demo profile)")
                            Gateway gateway,
                            Gateway fallback,
                            @DefaultValue("SUS")
                            @Pattern(regexp = "(?=.*[A-Za-z])[A-Za-z0-9]{1,11}|\\+[1-9]\\d{6,14}",
                                    message = "sus.sms.sender must be an alphanumeric sender id of 1-11 letters "
                                            + "and digits, or an E.164 number such as +46701740605")
                            String sender,
                            @DefaultValue @Valid Templates templates,
                            @Valid Smpp smpp,
                            @Valid Http http) {

    /** The available gateways. */
    public enum Gateway {
        OUTBOX, SMPP, HTTP
    }

    @AssertTrue(message = "sus.sms.fallback must be the other real operator (smpp or http) than sus.sms.gateway, "
            + "or unset; the outbox has no fallback")
    boolean isFallbackAnotherOperator() {
        return fallback == null || (fallback != Gateway.OUTBOX && gateway != Gateway.OUTBOX && fallback != gateway);
    }

    @AssertTrue(message = "set sus.sms.smpp.host, sus.sms.smpp.system-id and sus.sms.smpp.password: "
            + "sus.sms.gateway or sus.sms.fallback is smpp")
    boolean isSmppSetWhenUsed() {
        return !uses(Gateway.SMPP) || smpp != null;
    }

    @AssertTrue(message = "set sus.sms.http.url, sus.sms.http.username, sus.sms.http.password, "
            + "sus.sms.http.callback-base-url and sus.sms.http.callback-secret: sus.sms.gateway or sus.sms.fallback is http")
    boolean isHttpSetWhenUsed() {
        return !uses(Gateway.HTTP) || http != null;
    }

    boolean uses(Gateway which) {
        return gateway == which || fallback == which;
    }

    /**
     * The texts this module sends. {@code {password}} stands for the 8-character master password;
     * each text must fit one SMS (160 GSM 7-bit characters, or 70 if it needs UCS-2) with it filled in.
     *
     * @param masterPassword    the first master password, when access with SMS login is granted
     * @param newMasterPassword a new master password ordered through Kundcenter, sent as a flash SMS
     */
    public record Templates(@DefaultValue("Ditt masterlösenord till SUS är {password}\nSpara det på ett säkert ställe.")
                            @NotBlank String masterPassword,
                            @DefaultValue("Ditt nya masterlösenord till SUS är {password}\n"
                                    + "Skriv upp det innan du stänger meddelandet, det sparas inte i telefonen.")
                            @NotBlank String newMasterPassword) {

        static final String PASSWORD = "{password}";
        private static final int PASSWORD_LENGTH = 8;

        @AssertTrue(message = "sus.sms.templates.master-password must contain \\{password\\} and fit one SMS: "
                + "160 GSM 7-bit characters (70 if it needs UCS-2), the password counted as 8")
        boolean isMasterPasswordOneSms() {
            return fitsOneSms(masterPassword);
        }

        @AssertTrue(message = "sus.sms.templates.new-master-password must contain \\{password\\} and fit one SMS: "
                + "160 GSM 7-bit characters (70 if it needs UCS-2), the password counted as 8")
        boolean isNewMasterPasswordOneSms() {
            return fitsOneSms(newMasterPassword);
        }

        private static boolean fitsOneSms(String template) {
            return template == null || (template.contains(PASSWORD)
                    && SmsAlphabet.fitsOneSegment(template.replace(PASSWORD, "x".repeat(PASSWORD_LENGTH))));
        }
    }

    /**
     * An SMPP 3.4 account at an operator's SMSC.
     *
     * @param host                  the SMSC's host name
     * @param port                  its port (2775 is the common SMPP port)
     * @param systemId              the account ({@code system_id} of the bind)
     * @param password              its password (at most 8 characters in SMPP 3.4)
     * @param systemType            {@code system_type} of the bind, if the operator asks for one
     * @param bindType              {@code transceiver} (delivery receipts on the same connection) or
     *                              {@code transmitter} (no receipts requested)
     * @param connectTimeout        longest wait for the TCP connection
     * @param bindTimeout           longest wait for {@code bind_*_resp}
     * @param responseTimeout       longest wait for {@code submit_sm_resp} and other responses
     * @param enquireLinkInterval   idle time after which {@code enquire_link} checks the connection
     * @param reconnectInitialDelay first wait before binding again after the connection is lost
     * @param reconnectMaxDelay     longest wait between attempts; the wait doubles up to it
     */
    public record Smpp(@NotBlank(message = "set sus.sms.smpp.host to the SMSC's host name") String host,
                       @DefaultValue("2775") @Min(1) @Max(65535) int port,
                       @NotBlank(message = "set sus.sms.smpp.system-id to the SMPP account") String systemId,
                       @NotBlank(message = "set sus.sms.smpp.password to the SMPP account's password") String password,
                       @DefaultValue("") @NotNull String systemType,
                       @DefaultValue("transceiver") @NotNull BindType bindType,
                       @DefaultValue("10s") @NotNull Duration connectTimeout,
                       @DefaultValue("10s") @NotNull Duration bindTimeout,
                       @DefaultValue("10s") @NotNull Duration responseTimeout,
                       @DefaultValue("30s") @NotNull Duration enquireLinkInterval,
                       @DefaultValue("1s") @NotNull Duration reconnectInitialDelay,
                       @DefaultValue("1m") @NotNull Duration reconnectMaxDelay) {

        /** How the connection is bound (SMPP 3.4 §4.1). */
        public enum BindType {
            TRANSMITTER, TRANSCEIVER
        }

        @Override
        public String toString() {
            return "Smpp[" + systemId + "@" + host + ":" + port + ", " + bindType + "]";
        }
    }

    /**
     * An account at an HTTP SMS API in the style of Swedish providers (46elks: form POST with
     * {@code from}, {@code to}, {@code message}, {@code flashsms}, {@code whendelivered}; basic auth).
     *
     * @param url             the API's send address, e.g. {@code https://api.46elks.com/a1/sms}
     * @param username        API user name (basic auth)
     * @param password        API password (basic auth)
     * @param callbackBaseUrl this service's public address as the operator reaches it; delivery
     *                        reports go to {@code <callback-base-url>/sms/delivery/<callback-secret>}
     * @param callbackSecret  at least 32 random URL-safe characters that prove a delivery report
     *                        comes from the operator
     * @param connectTimeout  longest wait for the connection
     * @param requestTimeout  longest wait for the answer
     */
    public record Http(@NotNull(message = "set sus.sms.http.url to the operator's send address") URI url,
                       @NotBlank(message = "set sus.sms.http.username") String username,
                       @NotBlank(message = "set sus.sms.http.password") String password,
                       @NotNull(message = "set sus.sms.http.callback-base-url to this service's public address")
                       URI callbackBaseUrl,
                       @NotNull(message = "set sus.sms.http.callback-secret to at least 32 random URL-safe characters")
                       @Pattern(regexp = "[A-Za-z0-9_-]{32,}",
                               message = "sus.sms.http.callback-secret must be at least 32 characters of A-Z, a-z, 0-9, - and _")
                       String callbackSecret,
                       @DefaultValue("5s") @NotNull Duration connectTimeout,
                       @DefaultValue("10s") @NotNull Duration requestTimeout) {

        /** Where the operator posts delivery reports for messages sent through this account. */
        public URI deliveryCallbackUrl() {
            String base = callbackBaseUrl.toString().replaceAll("/+$", "");
            return URI.create(base + SmsDeliveryCallbackController.PATH_PREFIX + callbackSecret);
        }

        @Override
        public String toString() {
            return "Http[" + username + " at " + url + "]";
        }
    }
}
