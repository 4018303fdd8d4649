package se.susam.inloggning.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import se.susam.inloggning.testsupport.WebClient;

/**
 * One person's browser for one login: its own cookies and the CSRF token of the last page, over the
 * virtual user's kept-alive connection. Never follows redirects: the benchmark checks each one.
 */
final class BenchBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpConnection connection;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String csrf;

    BenchBrowser(HttpConnection connection) {
        this.connection = connection;
    }

    Page get(String path) throws IOException {
        return send("GET", path, headers(), null);
    }

    /** Posts a form with the CSRF token of the last page fetched. */
    Page post(String path, String... fields) throws IOException {
        String body = WebClient.formBody(csrf, fields);
        List<String> headers = headers();
        headers.add("Content-Type: application/x-www-form-urlencoded");
        return send("POST", path, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private List<String> headers() {
        List<String> headers = new ArrayList<>(3);
        if (!cookies.isEmpty()) {
            headers.add("Cookie: " + cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return headers;
    }

    private Page send(String method, String path, List<String> headers, byte[] body) throws IOException {
        HttpConnection.Response response = connection.exchange(method, path, headers, body);
        response.headers().getOrDefault("set-cookie", List.of()).forEach(this::keepCookie);
        Matcher m = CSRF.matcher(response.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return new Page(response.status(), response.body(), response.header("location"));
    }

    private void keepCookie(String setCookie) {
        String pair = setCookie.split(";", 2)[0];
        int eq = pair.indexOf('=');
        if (eq <= 0) {
            return;
        }
        String name = pair.substring(0, eq).strip();
        String value = pair.substring(eq + 1).strip();
        if (value.isEmpty() || setCookie.toLowerCase().contains("max-age=0")) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }

    /** A response: status, body and the {@code Location} header ("" if none). */
    record Page(int status, String body, String location) {
    }
}
