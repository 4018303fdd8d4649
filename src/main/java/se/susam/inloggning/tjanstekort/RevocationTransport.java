package se.susam.inloggning.tjanstekort;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * HTTP for OCSP (RFC 6960 Appendix A.1: POST of {@code application/ocsp-request}) and CRL
 * retrieval (RFC 5280 §4.2.1.13), with one timeout for connecting and answering, never through
 * a system proxy.
 */
class RevocationTransport {

    private final HttpClient http;
    private final Duration timeout;

    RevocationTransport(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY).build();
    }

    byte[] postOcsp(URI responder, byte[] request) throws IOException {
        return send(HttpRequest.newBuilder(responder).header("Content-Type", "application/ocsp-request")
                .header("Accept", "application/ocsp-response")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request)));
    }

    byte[] get(URI location) throws IOException {
        return send(HttpRequest.newBuilder(location).GET());
    }

    private byte[] send(HttpRequest.Builder request) throws IOException {
        try {
            HttpResponse<byte[]> response = http.send(request.timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode() + " from " + request.build().uri());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
