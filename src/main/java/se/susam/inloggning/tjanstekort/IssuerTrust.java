package se.susam.inloggning.tjanstekort;

import java.net.URI;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.security.auth.x500.X500Principal;

import se.susam.inloggning.login.LoginMethod;

/**
 * One card issuer's trust settings, loaded: its CA certificates and what a card certificate must
 * be. Built from {@link CertificateLoginProperties.Issuer}; free of Spring and servlet types.
 *
 * @param key          the issuer's name in the login address, e.g. {@code fk}
 * @param caCertificates every configured CA certificate; the self-signed ones are trust anchors
 */
record IssuerTrust(String key, String displayName, LoginMethod loginMethod, List<X509Certificate> caCertificates,
                   Set<String> extendedKeyUsages, Set<CertificateLoginProperties.KeyUsage> keyUsages,
                   Set<String> policies, List<PersonnummerForm> personnummerForms,
                   CertificateLoginProperties.RevocationSource revocationSource, Optional<URI> ocspUrl,
                   Optional<URI> crlUrl) {

    IssuerTrust {
        caCertificates = List.copyOf(caCertificates);
        extendedKeyUsages = Set.copyOf(extendedKeyUsages);
        keyUsages = Set.copyOf(keyUsages);
        policies = Set.copyOf(policies);
        personnummerForms = List.copyOf(personnummerForms);
    }

    /** The configured CA whose subject is {@code name}. */
    Optional<X509Certificate> caNamed(X500Principal name) {
        return caCertificates.stream().filter(ca -> ca.getSubjectX500Principal().equals(name)).findFirst();
    }

    Set<TrustAnchor> trustAnchors() {
        return caCertificates.stream().filter(IssuerTrust::isSelfSigned)
                .map(ca -> new TrustAnchor(ca, null))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    static boolean isSelfSigned(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
    }
}
