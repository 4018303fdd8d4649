package se.susam.inloggning.tjanstekort;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

import se.susam.inloggning.errors.SusException;
import se.susam.inloggning.identity.Personnummer;

/**
 * Decides whether a card certificate logs its holder in, for one issuer's trust settings. In
 * order: a certificate at all; issued by a configured CA; within its validity dates; key usage and
 * extended key usage (RFC 5280 §4.2.1.3, §4.2.1.12); the chain to a configured trust anchor with
 * the accepted certificate policies (RFC 5280 §6.1, by the JDK's PKIX validator); the personnummer
 * in the subject's serialNumber; and the card certificate's revocation status by OCSP and/or CRL.
 * Every refusal names its own reason. No servlet or Spring types.
 */
class CertificateValidator {

    private final RevocationChecker revocation;
    private final Clock clock;
    private final boolean failOpen;

    CertificateValidator(RevocationChecker revocation, Clock clock, boolean failOpen) {
        this.revocation = revocation;
        this.clock = clock;
        this.failOpen = failOpen;
    }

    /** @param presented the client's chain, card certificate first (may be empty) */
    CertificateCheck check(List<X509Certificate> presented, IssuerTrust trust) {
        if (presented.isEmpty()) {
            return new CertificateCheck.Rejected(CertificateRejection.NO_CERTIFICATE, null, null,
                    "no certificate presented");
        }
        X509Certificate card = presented.getFirst();
        BigInteger serial = card.getSerialNumber();
        Optional<X509Certificate> issuer = trust.caNamed(card.getIssuerX500Principal());
        if (issuer.isEmpty()) {
            return reject(CertificateRejection.UNKNOWN_ISSUER, serial, "issuer not configured for " + trust.key());
        }
        Date now = Date.from(clock.instant());
        try {
            card.checkValidity(now);
        } catch (CertificateExpiredException e) {
            return reject(CertificateRejection.EXPIRED, serial, "notAfter " + card.getNotAfter().toInstant());
        } catch (CertificateNotYetValidException e) {
            return reject(CertificateRejection.NOT_YET_VALID, serial, "notBefore " + card.getNotBefore().toInstant());
        }
        Optional<String> usage = wrongUsage(card, trust);
        if (usage.isPresent()) {
            return reject(CertificateRejection.WRONG_KEY_USAGE, serial, usage.get());
        }
        Optional<CertificateCheck.Rejected> chain = validateChain(card, trust, now);
        if (chain.isPresent()) {
            return chain.get();
        }
        Optional<String> serialNumberAttribute = subjectSerialNumber(card);
        if (serialNumberAttribute.isEmpty()) {
            return reject(CertificateRejection.NO_PERSONNUMMER, serial, "no serialNumber attribute in the subject");
        }
        Optional<Personnummer> found = personnummer(serialNumberAttribute.get(), trust);
        if (found.isEmpty()) {
            return reject(CertificateRejection.INVALID_PERSONNUMMER, serial,
                    "serialNumber is no valid personnummer in the forms " + trust.personnummerForms());
        }
        Personnummer personnummer = found.get();
        return switch (revocation.status(card, issuer.get(), trust)) {
            case RevocationStatus.Good good -> new CertificateCheck.Valid(personnummer, serial, false);
            case RevocationStatus.Revoked revoked -> new CertificateCheck.Rejected(CertificateRejection.REVOKED,
                    serial, personnummer, "revoked at " + revoked.revokedAt());
            case RevocationStatus.Unknown unknown -> failOpen
                    ? new CertificateCheck.Valid(personnummer, serial, true)
                    : new CertificateCheck.Rejected(CertificateRejection.REVOCATION_UNKNOWN, serial, personnummer,
                            unknown.why());
        };
    }

    private static CertificateCheck.Rejected reject(CertificateRejection reason, BigInteger serial, String detail) {
        return new CertificateCheck.Rejected(reason, serial, null, detail);
    }

    private static Optional<String> wrongUsage(X509Certificate card, IssuerTrust trust) {
        boolean[] bits = card.getKeyUsage();
        for (CertificateLoginProperties.KeyUsage required : trust.keyUsages()) {
            if (bits == null || bits.length <= required.ordinal() || !bits[required.ordinal()]) {
                return Optional.of("key usage lacks " + required);
            }
        }
        if (trust.extendedKeyUsages().isEmpty()) {
            return Optional.empty();
        }
        try {
            List<String> extended = card.getExtendedKeyUsage();
            if (extended == null || !extended.containsAll(trust.extendedKeyUsages())) {
                return Optional.of("extended key usage lacks " + trust.extendedKeyUsages());
            }
        } catch (CertificateParsingException e) {
            return Optional.of("extended key usage unreadable");
        }
        return Optional.empty();
    }

    /**
     * The path from the card to a trust anchor is built from the configured CA certificates only
     * (a client cannot smuggle in a CA of its own), then validated by the JDK's PKIX validator.
     * Revocation is checked separately, for the card certificate, with caching.
     */
    private Optional<CertificateCheck.Rejected> validateChain(X509Certificate card, IssuerTrust trust, Date now) {
        BigInteger serial = card.getSerialNumber();
        List<X509Certificate> path = new ArrayList<>();
        path.add(card);
        X509Certificate current = card;
        while (true) {
            Optional<X509Certificate> next = trust.caNamed(current.getIssuerX500Principal());
            if (next.isEmpty()) {
                return Optional.of(reject(CertificateRejection.UNKNOWN_ISSUER, serial, "no path to a trust anchor"));
            }
            if (IssuerTrust.isSelfSigned(next.get()) || path.size() > trust.caCertificates().size()) {
                break;
            }
            path.add(next.get());
            current = next.get();
        }
        try {
            CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
            PKIXParameters parameters = new PKIXParameters(trust.trustAnchors());
            parameters.setDate(now);
            parameters.setRevocationEnabled(false);
            if (!trust.policies().isEmpty()) {
                parameters.setInitialPolicies(trust.policies());
                parameters.setExplicitPolicyRequired(true);
            }
            CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
            return Optional.empty();
        } catch (CertPathValidatorException e) {
            CertificateRejection reason = e.getReason() == PKIXReason.INVALID_POLICY ? CertificateRejection.POLICY
                    : e.getReason() == PKIXReason.NO_TRUST_ANCHOR ? CertificateRejection.UNKNOWN_ISSUER
                    : CertificateRejection.CHAIN_INVALID;
            return Optional.of(reject(reason, serial, "PKIX: " + e.getReason() + " at index " + e.getIndex()));
        } catch (GeneralSecurityException e) {
            return Optional.of(reject(CertificateRejection.CHAIN_INVALID, serial, "PKIX: " + e.getClass().getSimpleName()));
        }
    }

    /** The subject's serialNumber attribute (X.520, OID 2.5.4.5). */
    private static Optional<String> subjectSerialNumber(X509Certificate card) {
        RDN[] serialNumbers = X500Name.getInstance(card.getSubjectX500Principal().getEncoded())
                .getRDNs(BCStyle.SERIALNUMBER);
        return serialNumbers.length == 0 ? Optional.empty()
                : Optional.of(IETFUtils.valueToString(serialNumbers[0].getFirst().getValue()));
    }

    /** The personnummer in one of the issuer's forms, valid as every personnummer must be. */
    private Optional<Personnummer> personnummer(String serialNumber, IssuerTrust trust) {
        Optional<String> digits = trust.personnummerForms().stream().map(form -> form.digits(serialNumber))
                .flatMap(Optional::stream).findFirst();
        try {
            return digits.map(twelve -> Personnummer.parse(twelve, clock));
        } catch (SusException e) {
            return Optional.empty();
        }
    }
}
