package se.susam.inloggning.tjanstekort;

import java.util.List;

import java.security.cert.X509Certificate;

/** What a login request carried: a certificate chain (from the TLS handshake or the proxy), or not. */
sealed interface PresentedCertificate {

    /** How the chain reached the application, for the audit trail. */
    enum Channel { TLS, PROXY }

    /** A chain, card certificate first. */
    record Chain(List<X509Certificate> certificates, Channel channel) implements PresentedCertificate {
        public Chain {
            certificates = List.copyOf(certificates);
        }
    }

    /** Something that should have been a certificate but could not be read. */
    record Unreadable(Channel channel) implements PresentedCertificate {
    }

    /** No certificate at all. */
    record None() implements PresentedCertificate {
    }
}
