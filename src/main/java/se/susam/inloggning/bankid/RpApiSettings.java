package se.susam.inloggning.bankid;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

import javax.net.ssl.SSLContext;

/**
 * How to reach the RP API.
 *
 * @param baseUri        e.g. {@code https://appapi2.bankid.com/rp/v6.0/} (production) or
 *                       {@code https://appapi2.test.bankid.com/rp/v6.0/} (BankID's test environment)
 * @param sslContext     mutual TLS: our RP certificate and BankID's root CA as the only trust anchor
 *                       ({@link RpTls}); {@code null} only for a plain-HTTP simulator on loopback
 * @param connectTimeout TCP and TLS connect
 * @param requestTimeout a whole call, from sending to the last byte of the answer
 * @param maxAttempts    tries of one call when BankID answers {@code maintenance} or
 *                       {@code tooManyRequests} (1 = no retry)
 * @param initialBackoff wait before the second try; doubled before each further one
 */
public record RpApiSettings(URI baseUri, SSLContext sslContext, Duration connectTimeout, Duration requestTimeout,
                            int maxAttempts, Duration initialBackoff) {

    public RpApiSettings {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        if (!baseUri.toString().endsWith("/")) {
            baseUri = URI.create(baseUri + "/");
        }
        String scheme = baseUri.getScheme();
        if ("https".equals(scheme)) {
            Objects.requireNonNull(sslContext, "sslContext: the RP API needs mutual TLS");
        } else if (!"http".equals(scheme) || !isLoopback(baseUri.getHost())) {
            throw new IllegalArgumentException(
                    "The RP API must be https; plain http is only for a simulator on localhost, not " + baseUri);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    private static boolean isLoopback(String host) {
        return "localhost".equals(host) || (host != null && host.startsWith("127.")) || "[::1]".equals(host);
    }
}
