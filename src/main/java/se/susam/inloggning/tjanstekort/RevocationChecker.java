package se.susam.inloggning.tjanstekort;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/**
 * The revocation status of a card certificate, by OCSP and/or CRL as its issuer is configured,
 * with answers reused until their nextUpdate (at most {@code cacheMaxAge}). Only definite answers
 * (good, revoked) are reused; "cannot tell" is asked again next time.
 */
class RevocationChecker {

    private final RevocationTransport transport;
    private final OcspClient ocsp;
    private final Clock clock;
    private final Duration cacheMaxAge;
    private final Duration clockSkew;
    private final Map<String, RevocationStatus> ocspAnswers = new ConcurrentHashMap<>();
    private final Map<URI, CachedCrl> crls = new ConcurrentHashMap<>();

    private record CachedCrl(X509CRL crl, Instant reusableUntil) {
    }

    RevocationChecker(CertificateLoginProperties.Revocation settings, Clock clock) {
        this.transport = new RevocationTransport(settings.timeout());
        this.clock = clock;
        this.cacheMaxAge = settings.cacheMaxAge();
        this.clockSkew = settings.clockSkew();
        this.ocsp = new OcspClient(transport, clock, settings.clockSkew());
    }

    RevocationStatus status(X509Certificate certificate, X509Certificate issuer, IssuerTrust trust) {
        return switch (trust.revocationSource()) {
            case OCSP -> viaOcsp(certificate, issuer, trust);
            case CRL -> viaCrl(certificate, issuer, trust);
            case OCSP_THEN_CRL -> {
                RevocationStatus answer = viaOcsp(certificate, issuer, trust);
                yield answer instanceof RevocationStatus.Unknown ? viaCrl(certificate, issuer, trust) : answer;
            }
        };
    }

    private RevocationStatus viaOcsp(X509Certificate certificate, X509Certificate issuer, IssuerTrust trust) {
        Optional<URI> responder = trust.ocspUrl().or(() -> ocspFromAia(certificate));
        if (responder.isEmpty()) {
            return new RevocationStatus.Unknown("no OCSP responder configured or in the certificate's AIA");
        }
        String key = issuer.getSubjectX500Principal().getName() + "#" + certificate.getSerialNumber().toString(16);
        RevocationStatus cached = ocspAnswers.get(key);
        Instant now = clock.instant();
        if (cached != null && now.isBefore(reusableUntil(cached))) {
            return cached;
        }
        RevocationStatus answer = ocsp.status(certificate, issuer, responder.get(), cacheMaxAge);
        if (!(answer instanceof RevocationStatus.Unknown) && now.isBefore(reusableUntil(answer))) {
            ocspAnswers.put(key, answer);
        }
        return answer;
    }

    private RevocationStatus viaCrl(X509Certificate certificate, X509Certificate issuer, IssuerTrust trust) {
        Optional<URI> location = trust.crlUrl().or(() -> crlFromDistributionPoint(certificate));
        if (location.isEmpty()) {
            return new RevocationStatus.Unknown("no CRL configured or in the certificate's CRL distribution point");
        }
        Instant now = clock.instant();
        CachedCrl cached = crls.get(location.get());
        if (cached == null || !now.isBefore(cached.reusableUntil())) {
            try {
                cached = fetchCrl(location.get(), issuer, now);
            } catch (IOException | GeneralSecurityException | RuntimeException e) {
                return new RevocationStatus.Unknown("CRL unusable: " + e.getClass().getSimpleName());
            }
            if (cached.crl().getNextUpdate() != null
                    && cached.crl().getNextUpdate().toInstant().isBefore(now.minus(clockSkew))) {
                return new RevocationStatus.Unknown("CRL past its nextUpdate");
            }
            crls.put(location.get(), cached);
        }
        X509CRLEntry entry = cached.crl().getRevokedCertificate(certificate);
        return entry == null ? new RevocationStatus.Good(cached.reusableUntil())
                : new RevocationStatus.Revoked(entry.getRevocationDate().toInstant(), cached.reusableUntil());
    }

    /** RFC 5280 §6.3.3: the CRL must be issued and signed by the certificate's issuer. */
    private CachedCrl fetchCrl(URI location, X509Certificate issuer, Instant now)
            throws IOException, GeneralSecurityException {
        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
                .generateCRL(new ByteArrayInputStream(transport.get(location)));
        if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            throw new GeneralSecurityException("CRL from another issuer");
        }
        crl.verify(issuer.getPublicKey());
        Instant until = now.plus(cacheMaxAge);
        if (crl.getNextUpdate() != null && crl.getNextUpdate().toInstant().isBefore(until)) {
            until = crl.getNextUpdate().toInstant();
        }
        return new CachedCrl(crl, until);
    }

    private static Instant reusableUntil(RevocationStatus status) {
        return switch (status) {
            case RevocationStatus.Good good -> good.reusableUntil();
            case RevocationStatus.Revoked revoked -> revoked.reusableUntil();
            case RevocationStatus.Unknown unknown -> Instant.MIN;
        };
    }

    private static Optional<URI> ocspFromAia(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(Extension.authorityInfoAccess.getId());
        if (value == null) {
            return Optional.empty();
        }
        try {
            var aia = AuthorityInformationAccess.getInstance(JcaX509ExtensionUtils.parseExtensionValue(value));
            for (AccessDescription description : aia.getAccessDescriptions()) {
                if (description.getAccessMethod().equals(AccessDescription.id_ad_ocsp)) {
                    Optional<URI> uri = uri(description.getAccessLocation());
                    if (uri.isPresent()) {
                        return uri;
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<URI> crlFromDistributionPoint(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(Extension.cRLDistributionPoints.getId());
        if (value == null) {
            return Optional.empty();
        }
        try {
            CRLDistPoint points = CRLDistPoint.getInstance(JcaX509ExtensionUtils.parseExtensionValue(value));
            for (DistributionPoint point : points.getDistributionPoints()) {
                DistributionPointName name = point.getDistributionPoint();
                if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
                    for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
                        Optional<URI> uri = uri(general);
                        if (uri.isPresent()) {
                            return uri;
                        }
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<URI> uri(GeneralName name) {
        if (name.getTagNo() != GeneralName.uniformResourceIdentifier) {
            return Optional.empty();
        }
        String text = ASN1IA5String.getInstance(name.getName()).getString();
        return text.startsWith("http://") || text.startsWith("https://") ? Optional.of(URI.create(text))
                : Optional.empty();
    }
}
