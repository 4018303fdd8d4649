package se.susam.inloggning.tjanstekort;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority for the demo and the tests — never for real cards: a root, the card
 * issuers under it, card, server and OCSP-responder certificates, and CRLs. EC P-256 keys,
 * ECDSA with SHA-256. Profiles follow RFC 5280 (and the Swedish e-ID practice of the personnummer
 * in the subject's serialNumber).
 */
final class DemoCa {

    static final String KEY_ALGORITHM = "EC";
    private static final String SIGNATURE = "SHA256withECDSA";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** RFC 5280 §4.2.1.4: CAs carry anyPolicy, so the card's own policy is valid through the chain. */
    private static final ASN1ObjectIdentifier ANY_POLICY = new ASN1ObjectIdentifier("2.5.29.32.0");

    private final KeyPair keys;
    private final X509Certificate certificate;
    private final List<X509Certificate> chain;

    private DemoCa(KeyPair keys, List<X509Certificate> chain) {
        this.keys = keys;
        this.chain = List.copyOf(chain);
        this.certificate = chain.getFirst();
    }

    /** What a card (or any end-entity) certificate says; tests vary one thing at a time. */
    record CardProfile(String commonName, String serialNumberAttribute, Instant notBefore, Instant notAfter,
                       int keyUsage, List<KeyPurposeId> extendedKeyUsages, List<String> policies, URI ocsp, URI crl) {

        /** A good login card: digitalSignature, clientAuth, valid for two years from yesterday. */
        static CardProfile card(String commonName, String serialNumberAttribute, String policy, URI ocsp, URI crl) {
            Instant now = Instant.now();
            return new CardProfile(commonName, serialNumberAttribute, now.minus(Duration.ofDays(1)),
                    now.plus(Duration.ofDays(730)), KeyUsage.digitalSignature, List.of(KeyPurposeId.id_kp_clientAuth),
                    policy == null ? List.of() : List.of(policy), ocsp, crl);
        }

        CardProfile validity(Instant from, Instant to) {
            return new CardProfile(commonName, serialNumberAttribute, from, to, keyUsage, extendedKeyUsages, policies,
                    ocsp, crl);
        }

        CardProfile usage(int bits, List<KeyPurposeId> extended) {
            return new CardProfile(commonName, serialNumberAttribute, notBefore, notAfter, bits, extended, policies,
                    ocsp, crl);
        }

        CardProfile serialNumberAttribute(String value) {
            return new CardProfile(commonName, value, notBefore, notAfter, keyUsage, extendedKeyUsages, policies,
                    ocsp, crl);
        }

        CardProfile policies(List<String> oids) {
            return new CardProfile(commonName, serialNumberAttribute, notBefore, notAfter, keyUsage, extendedKeyUsages,
                    oids, ocsp, crl);
        }

        CardProfile ocsp(URI responder) {
            return new CardProfile(commonName, serialNumberAttribute, notBefore, notAfter, keyUsage, extendedKeyUsages,
                    policies, responder, crl);
        }
    }

    /** A card's key and certificate chain (card first), as a PKCS#12 for a browser or a client. */
    record Card(PrivateKey key, List<X509Certificate> chain) {

        X509Certificate certificate() {
            return chain.getFirst();
        }

        KeyStore keyStore(char[] password) {
            try {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setKeyEntry("tjanstekort", key, password, chain.toArray(X509Certificate[]::new));
                return store;
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        static Card fromPkcs12(InputStream in, char[] password) throws IOException, GeneralSecurityException {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            String alias = store.aliases().nextElement();
            return new Card((PrivateKey) store.getKey(alias, password),
                    java.util.Arrays.stream(store.getCertificateChain(alias)).map(X509Certificate.class::cast).toList());
        }

        byte[] pkcs12(char[] password) {
            try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                keyStore(password).store(out, password);
                return out.toByteArray();
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static DemoCa root(String commonName) {
        KeyPair keys = newKeyPair();
        X500Principal name = name(commonName, null);
        Instant now = Instant.now();
        X509Certificate root = sign(keys.getPrivate(), caBuilder(name, name, keys.getPublic(), keys.getPublic(),
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)), null));
        return new DemoCa(keys, List.of(root));
    }

    /** A card-issuing CA under this one. */
    DemoCa subordinate(String commonName) {
        KeyPair subordinateKeys = newKeyPair();
        Instant now = Instant.now();
        X509Certificate ca = sign(keys.getPrivate(), caBuilder(name(commonName, null),
                certificate.getSubjectX500Principal(), subordinateKeys.getPublic(), keys.getPublic(),
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)), 0));
        List<X509Certificate> subordinateChain = new ArrayList<>();
        subordinateChain.add(ca);
        subordinateChain.addAll(chain);
        return new DemoCa(subordinateKeys, subordinateChain);
    }

    /** A CA with the same name as {@code genuine} but a key of its own: what a forger would build. */
    static DemoCa impostor(DemoCa genuine) {
        KeyPair forgerKeys = newKeyPair();
        Instant now = Instant.now();
        X500Principal name = genuine.certificate.getSubjectX500Principal();
        X509Certificate forged = sign(forgerKeys.getPrivate(), caBuilder(name, name, forgerKeys.getPublic(),
                forgerKeys.getPublic(), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)), 0));
        return new DemoCa(forgerKeys, List.of(forged));
    }

    X509Certificate certificate() {
        return certificate;
    }

    PrivateKey privateKey() {
        return keys.getPrivate();
    }

    /** A new card: a fresh key pair and a certificate for it, with this CA's chain. */
    Card card(CardProfile profile) {
        KeyPair cardKeys = newKeyPair();
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate.getSubjectX500Principal(),
                    serial(), Date.from(profile.notBefore()), Date.from(profile.notAfter()),
                    name(profile.commonName(), profile.serialNumberAttribute()), cardKeys.getPublic());
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(profile.keyUsage()));
            if (!profile.extendedKeyUsages().isEmpty()) {
                builder.addExtension(Extension.extendedKeyUsage, false,
                        new ExtendedKeyUsage(profile.extendedKeyUsages().toArray(KeyPurposeId[]::new)));
            }
            if (!profile.policies().isEmpty()) {
                builder.addExtension(Extension.certificatePolicies, false, new CertificatePolicies(profile.policies()
                        .stream().map(oid -> new PolicyInformation(new ASN1ObjectIdentifier(oid)))
                        .toArray(PolicyInformation[]::new)));
            }
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    utils.createSubjectKeyIdentifier(cardKeys.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    utils.createAuthorityKeyIdentifier(keys.getPublic()));
            addRevocationPointers(builder, profile.ocsp(), profile.crl());
            List<X509Certificate> cardChain = new ArrayList<>();
            cardChain.add(sign(keys.getPrivate(), builder));
            cardChain.addAll(chain);
            return new Card(cardKeys.getPrivate(), cardChain);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A TLS server certificate for {@code localhost} and 127.0.0.1, with this CA's chain. */
    Card server(String... dnsNames) {
        KeyPair serverKeys = newKeyPair();
        Instant now = Instant.now();
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate.getSubjectX500Principal(),
                    serial(), Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(825))),
                    name(dnsNames[0], null), serverKeys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            List<GeneralName> names = new ArrayList<>();
            for (String dns : dnsNames) {
                names.add(new GeneralName(GeneralName.dNSName, dns));
            }
            names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(names.toArray(GeneralName[]::new)));
            List<X509Certificate> serverChain = new ArrayList<>();
            serverChain.add(sign(keys.getPrivate(), builder));
            serverChain.addAll(chain);
            return new Card(serverKeys.getPrivate(), serverChain);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A CRL (RFC 5280 §5) listing {@code revoked}, valid until {@code nextUpdate}. */
    byte[] crl(Collection<BigInteger> revoked, Instant thisUpdate, Instant nextUpdate) {
        try {
            X509v2CRLBuilder builder = new X509v2CRLBuilder(
                    org.bouncycastle.asn1.x500.X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()),
                    Date.from(thisUpdate));
            builder.setNextUpdate(Date.from(nextUpdate));
            for (BigInteger serial : revoked) {
                builder.addCRLEntry(serial, Date.from(thisUpdate.minus(Duration.ofHours(1))), CRLReason.keyCompromise);
            }
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(keys.getPublic()));
            return new JcaX509CRLConverter().getCRL(builder.build(signer(keys.getPrivate()))).getEncoded();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** This CA's key and chain as a PKCS#12 (the demo keeps its CAs in ./data to answer OCSP). */
    byte[] pkcs12(char[] password) {
        return new Card(keys.getPrivate(), chain).pkcs12(password);
    }

    static DemoCa fromPkcs12(InputStream in, char[] password) throws IOException, GeneralSecurityException {
        Card entry = Card.fromPkcs12(in, password);
        return new DemoCa(new KeyPair(entry.certificate().getPublicKey(), entry.key()), entry.chain());
    }

    static String pem(X509Certificate... certificates) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (X509Certificate certificate : certificates) {
                writer.writeObject(certificate);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return text.toString();
    }

    private static X509v3CertificateBuilder caBuilder(X500Principal subject, X500Principal issuer, PublicKey key,
                                                      PublicKey issuerKey, Instant from, Instant to,
                                                      Integer pathLength) {
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, serial(), Date.from(from),
                    Date.from(to), subject, key);
            builder.addExtension(Extension.basicConstraints, true,
                    pathLength == null ? new BasicConstraints(true) : new BasicConstraints(pathLength));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.certificatePolicies, false,
                    new CertificatePolicies(new PolicyInformation(ANY_POLICY)));
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key));
            builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuerKey));
            return builder;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void addRevocationPointers(X509v3CertificateBuilder builder, URI ocsp, URI crl) throws IOException {
        if (ocsp != null) {
            builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                    new AccessDescription(AccessDescription.id_ad_ocsp,
                            new GeneralName(GeneralName.uniformResourceIdentifier, ocsp.toString()))));
        }
        if (crl != null) {
            builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                    new DistributionPoint(new DistributionPointName(new GeneralNames(
                            new GeneralName(GeneralName.uniformResourceIdentifier, crl.toString()))), null, null)}));
        }
    }

    private static X500Principal name(String commonName, String serialNumberAttribute) {
        X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "SE")
                .addRDN(BCStyle.O, "SUS demo");
        name.addRDN(BCStyle.CN, commonName);
        if (serialNumberAttribute != null) {
            name.addRDN(BCStyle.SERIALNUMBER, serialNumberAttribute);
        }
        try {
            return new X500Principal(name.build().getEncoded());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate sign(PrivateKey key, X509v3CertificateBuilder builder) {
        try {
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer(key)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static ContentSigner signer(PrivateKey key) {
        try {
            return new JcaContentSignerBuilder(SIGNATURE).build(key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigInteger serial() {
        return new BigInteger(64, RANDOM).setBit(63);
    }

    static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(KEY_ALGORITHM);
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
