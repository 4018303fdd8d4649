package se.susam.inloggning.testsupport;

import java.io.IOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A minimal browser for tests over real HTTP: keeps cookies, reads the CSRF token from the last
 * page, posts forms, never follows redirects (tests assert them). One instance is one user.
 */
public class WebClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern OTP = Pattern.compile("Your OTP: (\\d{6})");
    /** An outbox entry's text (JSON-escaped, as listed) and flash flag. */
    private static final Pattern OUTBOX_ENTRY = Pattern.compile(
            "\"text\":\"((?:[^\"\\\\]|\\\\.)*)\",\"flash\":(true|false)");
    /** The master password in an SMS text, first or new (sus.sms.templates). */
    private static final Pattern MASTER_PASSWORD_SMS = Pattern.compile("masterl\\S+ till SUS är ([A-Za-z0-9]{8})");

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private String baseUrl;
    private String csrf;
    private String userAgent;

    public WebClient(String baseUrl) {
        this(baseUrl, null);
    }

    /**
     * A browser on another computer: its connections come from {@code localAddress} (any
     * 127.x.y.z works on Linux), which the server sees as the client address.
     */
    public WebClient(String baseUrl, InetAddress localAddress) {
        this.baseUrl = baseUrl;
        HttpClient.Builder builder = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5));
        if (localAddress != null) {
            builder.localAddress(localAddress);
        }
        this.http = builder.build();
    }

    /** Continue the same browser session against another node (same cookies). */
    public WebClient at(String otherBaseUrl) {
        this.baseUrl = otherBaseUrl;
        return this;
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    /** Sends this User-Agent from now on, as a real browser would. */
    public WebClient userAgent(String value) {
        this.userAgent = value;
        return this;
    }

    /** Posts a form with the CSRF token of the last page fetched. */
    public Page post(String path, String... fields) {
        String body = formBody(csrf, fields);
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * An {@code application/x-www-form-urlencoded} body: the CSRF token (if any) and then the
     * {@code name, value} pairs in order.
     */
    public static String formBody(String csrf, String... fields) {
        Map<String, String> form = new LinkedHashMap<>();
        if (csrf != null) {
            form.put("_csrf", csrf);
        }
        for (int i = 0; i < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The newest one-time code the demo outbox sent to {@code e164}. */
    public String latestCodeSentTo(String e164) {
        String json = get("/dev/sms/outbox.json").body();
        int at = json.indexOf("\"to\":\"" + e164 + "\"");
        if (at < 0) {
            throw new AssertionError("No SMS to " + e164);
        }
        Matcher m = OTP.matcher(json.substring(at));
        if (!m.find()) {
            throw new AssertionError("No code in the SMS to " + e164);
        }
        return m.group(1);
    }

    /** One message of the demo outbox as the phone shows it: the text, and whether it was a flash SMS. */
    public record Sms(String text, boolean flash) {
    }

    /** The newest message the demo outbox sent to {@code e164}. */
    public Sms latestSmsTo(String e164) {
        String json = get("/dev/sms/outbox.json?to=" + URLEncoder.encode(e164, StandardCharsets.UTF_8)).body();
        Matcher m = OUTBOX_ENTRY.matcher(json);
        if (!m.find()) {
            throw new AssertionError("No SMS to " + e164);
        }
        return new Sms(m.group(1), Boolean.parseBoolean(m.group(2)));
    }

    /**
     * The master password in the newest SMS to {@code e164} (the first one, or a new one sent as a
     * flash SMS), read as the phone shows it.
     */
    public String latestMasterPasswordSentTo(String e164) {
        Matcher m = MASTER_PASSWORD_SMS.matcher(latestSmsTo(e164).text());
        if (!m.find()) {
            throw new AssertionError("No master password in the newest SMS to " + e164);
        }
        return m.group(1);
    }

    /** Count of outbox messages to {@code e164}. */
    public long messagesSentTo(String e164) {
        String json = get("/dev/sms/outbox.json").body();
        return Pattern.compile(Pattern.quote("\"to\":\"" + e164 + "\"")).matcher(json).results().count();
    }

    /** The server-side session id: Spring Session's cookie holds it Base64-encoded. */
    public String sessionId() {
        String cookie = sessionCookie();
        return cookie == null ? null
                : new String(java.util.Base64.getDecoder().decode(cookie), StandardCharsets.US_ASCII);
    }

    public String sessionCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("SUS_SESSION"))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    private Page send(HttpRequest.Builder request) {
        if (userAgent != null) {
            request.header("User-Agent", userAgent);
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30))
                            .header("Accept", "text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8").build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = CSRF.matcher(response.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return new Page(response.statusCode(), response.body(),
                    response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response as the test sees it. */
    public record Page(int status, String body, String location) {

        /** The visible text, tags removed and white space folded. */
        public String text() {
            return body.replaceAll("(?s)<head>.*?</head>", " ").replaceAll("<[^>]+>", " ")
                    .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
                    .replaceAll("\\s+", " ").trim();
        }

        public boolean redirectsTo(String path) {
            return location != null && location.endsWith(path);
        }
    }
}
