package se.susam.inloggning.sms.http;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import se.susam.inloggning.sms.SmsMessage;
import se.susam.inloggning.sms.SmsProperties;
import se.susam.inloggning.sms.SmsSendException;
import se.susam.inloggning.sms.operator.SmsOperator;

/**
 * A client of an HTTP SMS API in the style of Swedish providers (46elks "Send SMS"): one form POST
 * per message with {@code from}, {@code to} (E.164), {@code message}, {@code flashsms=yes} for a
 * flash SMS, {@code whendelivered} (where the operator posts delivery reports) and
 * {@code dontlog=message} (the operator keeps no copy of the text), authenticated with HTTP basic
 * auth (RFC 7617). The answer is JSON carrying the message's {@code id}.
 */
public final class HttpSmsOperator implements SmsOperator {

    private static final Logger log = LoggerFactory.getLogger(HttpSmsOperator.class);

    private final SmsProperties.Http account;
    private final String sender;
    private final String authorization;
    private final HttpClient client;

    public HttpSmsOperator(SmsProperties.Http account, String sender) {
        this.account = account;
        this.sender = sender;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (account.username() + ":" + account.password()).getBytes(StandardCharsets.UTF_8));
        this.client = HttpClient.newBuilder().connectTimeout(account.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String submit(SmsMessage message) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("from", sender);
        form.put("to", message.to().e164());
        form.put("message", message.text());
        if (message.flash()) {
            form.put("flashsms", "yes");
        }
        form.put("whendelivered", account.deliveryCallbackUrl().toString());
        form.put("dontlog", "message");
        HttpRequest request = HttpRequest.newBuilder(account.url())
                .timeout(account.requestTimeout())
                .header("Authorization", authorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(urlEncoded(form)))
                .build();
        HttpResponse<String> response = exchange(request);
        String messageId = messageId(response);
        log.info("HTTP SMS to {} accepted by {} as {}", message.to().masked(), account.url().getHost(), messageId);
        return messageId;
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new SmsSendException("HTTP SMS operator " + account.url().getHost() + " did not answer in time", e);
        } catch (IOException e) {
            throw new SmsSendException("HTTP SMS operator " + account.url().getHost() + " could not be reached ("
                    + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsSendException("Interrupted while sending to the HTTP SMS operator", e);
        }
    }

    /** The operator's answers: 2xx with the message's id, or why not (the body is not repeated: it may quote the message). */
    private String messageId(HttpResponse<String> response) {
        int status = response.statusCode();
        String operator = "HTTP SMS operator " + account.url().getHost();
        if (status == 401 || status == 403) {
            throw new SmsSendException(operator + " refused the API credentials (HTTP " + status + ")");
        }
        if (status >= 400 && status < 500) {
            throw new SmsSendException(operator + " refused the message (HTTP " + status + ")");
        }
        if (status >= 500) {
            throw new SmsSendException(operator + " failed (HTTP " + status + ")");
        }
        if (status < 200 || status > 299) {
            throw new SmsSendException(operator + " answered HTTP " + status);
        }
        try {
            String id = JsonMapper.shared().readTree(response.body()).path("id").asString("");
            if (id.isBlank()) {
                throw new SmsSendException(operator + " accepted the message but gave no id");
            }
            return id;
        } catch (JacksonException e) {
            throw new SmsSendException(operator + " answered HTTP " + status + " without JSON", e);
        }
    }

    private static String urlEncoded(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
