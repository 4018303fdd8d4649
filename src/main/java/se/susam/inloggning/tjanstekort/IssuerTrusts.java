package se.susam.inloggning.tjanstekort;

import java.io.IOException;
import java.io.InputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.Resource;

/** Every configured card issuer's trust, loaded at start-up; a CA file that cannot be read stops start-up. */
class IssuerTrusts {

    private final Map<String, IssuerTrust> byKey;

    IssuerTrusts(Map<String, CertificateLoginProperties.Issuer> issuers) {
        Map<String, IssuerTrust> loaded = new LinkedHashMap<>();
        issuers.forEach((key, issuer) -> loaded.put(key, load(key, issuer)));
        this.byKey = Map.copyOf(loaded);
    }

    Optional<IssuerTrust> byKey(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** Every configured CA certificate: the issuers a browser is told the connector accepts. */
    List<X509Certificate> allCaCertificates() {
        return byKey.values().stream().flatMap(trust -> trust.caCertificates().stream()).distinct().toList();
    }

    private static IssuerTrust load(String key, CertificateLoginProperties.Issuer issuer) {
        List<X509Certificate> cas = new ArrayList<>();
        for (Resource resource : issuer.caCertificates()) {
            cas.addAll(readCertificates(resource, "sus.certificate-login.issuers." + key + ".ca-certificates"));
        }
        if (cas.stream().noneMatch(IssuerTrust::isSelfSigned)) {
            throw new IllegalStateException("sus.certificate-login.issuers." + key
                    + ".ca-certificates must include the root (self-signed) CA certificate");
        }
        return new IssuerTrust(key, issuer.displayName(), issuer.loginMethod(), cas,
                java.util.Set.copyOf(issuer.extendedKeyUsages()), java.util.Set.copyOf(issuer.keyUsages()),
                java.util.Set.copyOf(issuer.policies()), issuer.personnummerForms(), issuer.revocationSource(),
                Optional.ofNullable(issuer.ocspUrl()), Optional.ofNullable(issuer.crlUrl()));
    }

    static List<X509Certificate> readCertificates(Resource resource, String setting) {
        try (InputStream in = resource.getInputStream()) {
            List<X509Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in)
                    .stream().map(X509Certificate.class::cast).toList();
            if (certificates.isEmpty()) {
                throw new IllegalStateException(setting + ": no certificate in " + resource.getDescription());
            }
            return certificates;
        } catch (IOException | CertificateException e) {
            throw new IllegalStateException(setting + ": cannot read " + resource.getDescription() + ": "
                    + e.getMessage(), e);
        }
    }
}
