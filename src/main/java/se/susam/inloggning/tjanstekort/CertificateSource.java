package se.susam.inloggning.tjanstekort;

import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Turns a request into the certificate it carries: the chain of the TLS handshake (Jakarta
 * Servlet 6.1 §3.10, attribute {@code jakarta.servlet.request.X509Certificate}) or, from a trusted
 * proxy, nginx's {@code $ssl_client_escaped_cert}: the PEM certificate, URL-encoded. The header
 * from any other address has already been dropped by {@link ProxyCertificateHeaderFilter}.
 */
final class CertificateSource {

    static final String TLS_ATTRIBUTE = "jakarta.servlet.request.X509Certificate";

    private CertificateSource() {
    }

    static PresentedCertificate from(HttpServletRequest request, String proxyHeader) {
        if (request.getAttribute(TLS_ATTRIBUTE) instanceof X509Certificate[] chain && chain.length > 0) {
            return new PresentedCertificate.Chain(List.of(chain), PresentedCertificate.Channel.TLS);
        }
        String header = request.getHeader(proxyHeader);
        if (header == null || header.isBlank()) {
            return new PresentedCertificate.None();
        }
        return fromEscapedPem(header);
    }

    /** nginx escapes {@code +} as {@code %2B}; a literal {@code +} is kept, never read as a space. */
    static PresentedCertificate fromEscapedPem(String escaped) {
        try {
            String pem = URLDecoder.decode(escaped.replace("+", "%2B"), StandardCharsets.US_ASCII);
            List<X509Certificate> chain = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
                    .stream().map(X509Certificate.class::cast).toList();
            return chain.isEmpty() ? new PresentedCertificate.Unreadable(PresentedCertificate.Channel.PROXY)
                    : new PresentedCertificate.Chain(chain, PresentedCertificate.Channel.PROXY);
        } catch (CertificateException | IllegalArgumentException e) {
            return new PresentedCertificate.Unreadable(PresentedCertificate.Channel.PROXY);
        }
    }
}
