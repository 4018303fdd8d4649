package se.susam.inloggning.tjanstekort;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The certificate connector's handshake policy. The CertificateRequest names the configured card
 * CAs (RFC 8446 §4.2.4, RFC 5246 §7.4.4), so the browser offers only tjänstekort certificates.
 * Any certificate the client then sends is let through the handshake — the client still proves it
 * holds the private key (CertificateVerify) — because trust is decided afterwards by
 * {@link CertificateValidator}, which can tell the user exactly what is wrong with a card
 * (expired, revoked, …) instead of a bare TLS alert.
 */
final class CardIssuerTrustManager extends X509ExtendedTrustManager {

    private final X509Certificate[] cardIssuers;

    CardIssuerTrustManager(List<X509Certificate> cardIssuers) {
        this.cardIssuers = cardIssuers.toArray(X509Certificate[]::new);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return cardIssuers.clone();
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        // Decided by CertificateValidator after the handshake (see the class comment).
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        // Decided by CertificateValidator after the handshake.
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        // Decided by CertificateValidator after the handshake.
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the certificate connector is a server only");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("the certificate connector is a server only");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("the certificate connector is a server only");
    }
}
