package se.susam.inloggning.bankid;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link RpApi} over the JDK's HTTP client. Every call is a {@code POST} of JSON with exactly
 * {@code Content-Type: application/json} — BankID answers 415 to a charset parameter — and a
 * timeout. {@code maintenance} (503) and {@code tooManyRequests} (429) mean BankID did not act on
 * the call, so it is tried again after a doubling backoff before the error reaches the user; every
 * other error is final. Logs name the call and the error code, never a token, secret or personal
 * number.
 */
public final class HttpRpApiClient implements RpApi {

    private static final System.Logger log = System.getLogger(HttpRpApiClient.class.getName());
    private static final JsonMapper JSON = JsonMapper.builder()
            .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_NULL))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private final RpApiSettings settings;
    private final HttpClient http;

    public HttpRpApiClient(RpApiSettings settings) {
        this.settings = settings;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (settings.sslContext() != null) {
            builder.sslContext(settings.sslContext());
        }
        if ("http".equals(settings.baseUri().getScheme())) {
            builder.version(HttpClient.Version.HTTP_1_1);
        }
        this.http = builder.build();
    }

    @Override
    public OrderResponse auth(AuthRequest request) {
        return post("auth", request, OrderResponse.class);
    }

    @Override
    public PhoneOrderResponse phoneAuth(PhoneAuthRequest request) {
        return post("phone/auth", request, PhoneOrderResponse.class);
    }

    @Override
    public CollectResponse collect(String orderRef) {
        CollectResponse response = post("collect", Map.of("orderRef", orderRef), CollectResponse.class);
        response.state();
        return response;
    }

    @Override
    public void cancel(String orderRef) {
        post("cancel", Map.of("orderRef", orderRef), Map.class);
    }

    private <T> T post(String endpoint, Object body, Class<T> type) {
        byte[] json = JSON.writeValueAsBytes(body);
        Duration backoff = settings.initialBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                return postOnce(endpoint, json, type);
            } catch (RpApiException e) {
                if (!e.errorCode().isRetriable() || attempt >= settings.maxAttempts()) {
                    log.log(System.Logger.Level.WARNING, "BankID /{0} failed after {1} attempt(s): {2}",
                            endpoint, attempt, e.getMessage());
                    throw e;
                }
                log.log(System.Logger.Level.INFO, "BankID /{0} answered {1}; trying again in {2} ms",
                        endpoint, e.errorCode().wire(), backoff.toMillis());
                sleep(backoff);
                backoff = backoff.multipliedBy(2);
            }
        }
    }

    private <T> T postOnce(String endpoint, byte[] json, Class<T> type) {
        HttpRequest request = HttpRequest.newBuilder(settings.baseUri().resolve(endpoint))
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new RpApiException(RpErrorCode.TRANSPORT, "no answer from /" + endpoint + " within "
                    + settings.requestTimeout().toMillis() + " ms", e);
        } catch (IOException e) {
            throw new RpApiException(RpErrorCode.TRANSPORT, "/" + endpoint + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RpApiException(RpErrorCode.TRANSPORT, "interrupted calling /" + endpoint, e);
        }
        if (response.statusCode() != 200) {
            throw error(response);
        }
        try {
            return JSON.readValue(response.body(), type);
        } catch (JacksonException e) {
            throw new RpApiException(RpErrorCode.UNEXPECTED_RESPONSE, "unreadable answer from /" + endpoint, e);
        }
    }

    /** The error body {@code {"errorCode": …, "details": …}}; an unreadable body still maps by status. */
    private static RpApiException error(HttpResponse<byte[]> response) {
        String errorCode = null;
        String details = null;
        try {
            ErrorBody body = JSON.readValue(response.body(), ErrorBody.class);
            errorCode = body.errorCode();
            details = body.details();
        } catch (JacksonException e) {
            details = new String(response.body(), StandardCharsets.UTF_8)
                    .substring(0, Math.min(200, response.body().length));
        }
        return new RpApiException(RpErrorCode.of(errorCode, response.statusCode()), response.statusCode(), details);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RpApiException(RpErrorCode.TRANSPORT, "interrupted while waiting to retry", e);
        }
    }

    record ErrorBody(String errorCode, String details) {
    }
}
