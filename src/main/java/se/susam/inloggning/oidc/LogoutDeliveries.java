package se.susam.inloggning.oidc;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Posts logout tokens to relying parties (OpenID Connect Back-Channel Logout 1.0 §2.5:
 * {@code application/x-www-form-urlencoded} with {@code logout_token}; 200 or 204 is success).
 * Each token is a row first, so a failed call is retried later by whichever node is free: after
 * 30 s, 1, 2, 4 and 8 minutes, then the delivery is given up and logged.
 */
@Component
class LogoutDeliveries {

    private static final Logger log = LoggerFactory.getLogger(LogoutDeliveries.class);
    private static final int MAX_ATTEMPTS = 6;
    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);

    private record Delivery(long id, String clientId, URI uri, String token, int attempts) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final HttpClient http;
    private final Duration timeout;

    LogoutDeliveries(JdbcClient jdbc, Clock clock, OidcProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.timeout = properties.backchannelLogoutTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    void enqueue(String clientId, URI uri, String logoutToken) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO oidc_logout_delivery (client_id, logout_uri, logout_token, status, attempts, next_attempt_at,
                                                  created_at)
                VALUES (:client, :uri, :token, 'PENDING', 0, :now, :now)""")
                .param("client", clientId).param("uri", uri.toString()).param("token", logoutToken).param("now", now)
                .update();
    }

    /** Sends every delivery that is due; each is claimed first, so two nodes never send the same attempt. */
    @Scheduled(fixedDelayString = "PT15S", initialDelayString = "PT15S")
    void deliverDue() {
        Instant now = clock.instant();
        List<Delivery> due = jdbc.sql("""
                SELECT id, client_id, logout_uri, logout_token, attempts FROM oidc_logout_delivery
                WHERE status = 'PENDING' AND next_attempt_at <= :now ORDER BY id""")
                .param("now", now.atOffset(ZoneOffset.UTC))
                .query((rs, i) -> new Delivery(rs.getLong(1), rs.getString(2), URI.create(rs.getString(3)),
                        rs.getString(4), rs.getInt(5)))
                .list();
        for (Delivery delivery : due) {
            if (claim(delivery, now)) {
                send(delivery);
            }
        }
    }

    private boolean claim(Delivery delivery, Instant now) {
        return jdbc.sql("""
                UPDATE oidc_logout_delivery SET attempts = attempts + 1, next_attempt_at = :next
                WHERE id = :id AND status = 'PENDING' AND attempts = :attempts""")
                .param("next", now.plus(backoff(delivery.attempts() + 1)).atOffset(ZoneOffset.UTC))
                .param("id", delivery.id()).param("attempts", delivery.attempts()).update() == 1;
    }

    private void send(Delivery delivery) {
        String failure;
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(delivery.uri()).timeout(timeout)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "logout_token=" + URLEncoder.encode(delivery.token(), StandardCharsets.US_ASCII)))
                    .build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() == 200 || response.statusCode() == 204) {
                finish(delivery, "DELIVERED", null);
                log.info("Back-channel logout delivered to client {}", delivery.clientId());
                return;
            }
            failure = "HTTP " + response.statusCode();
        } catch (IOException e) {
            failure = e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted";
        }
        if (delivery.attempts() + 1 >= MAX_ATTEMPTS) {
            finish(delivery, "FAILED", failure);
            log.warn("Back-channel logout to client {} given up after {} attempts: {}", delivery.clientId(),
                    MAX_ATTEMPTS, failure);
        } else {
            jdbc.sql("UPDATE oidc_logout_delivery SET last_error = :error WHERE id = :id")
                    .param("error", failure).param("id", delivery.id()).update();
            log.info("Back-channel logout to client {} failed ({}), will retry", delivery.clientId(), failure);
        }
    }

    private void finish(Delivery delivery, String status, String error) {
        jdbc.sql("UPDATE oidc_logout_delivery SET status = :status, last_error = :error WHERE id = :id")
                .param("status", status).param("error", error).param("id", delivery.id()).update();
    }

    /** Wait before attempt {@code attempt + 1}: 30 s, doubling. */
    private static Duration backoff(int attempt) {
        return FIRST_RETRY.multipliedBy(1L << Math.min(attempt - 1, 8));
    }
}
