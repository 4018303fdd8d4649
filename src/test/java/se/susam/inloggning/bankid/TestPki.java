package se.susam.inloggning.bankid;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLContext;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates made in the test: a CA for BankID's server side and one for relying parties. */
final class TestPki {

    static final char[] PASSWORD = "qwerty123".toCharArray();
    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());

    /** A key pair and its certificate. */
    record Issued(KeyPair keys, X509Certificate certificate) {
    }

    private TestPki() {
    }

    static Issued rootCa(String commonName) {
        KeyPair keys = keyPair();
        X500Name name = new X500Name("CN=" + commonName + ",O=Test");
        return new Issued(keys, sign(new JcaX509v3CertificateBuilder(name, serial(), notBefore(), notAfter(), name,
                keys.getPublic()), keys, builder -> {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        }));
    }

    /** A TLS server certificate for localhost and 127.0.0.1. */
    static Issued server(Issued ca) {
        return leaf(ca, "localhost", KeyPurposeId.id_kp_serverAuth, true);
    }

    /** A relying party's client certificate. */
    static Issued client(Issued ca, String commonName) {
        return leaf(ca, commonName, KeyPurposeId.id_kp_clientAuth, false);
    }

    static KeyStore pkcs12(Issued leaf, Issued ca) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("key", leaf.keys().getPrivate(), PASSWORD,
                    new Certificate[] {leaf.certificate(), ca.certificate()});
            return store;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stub's TLS: its own certificate, and trust in the RP CA only (as BankID's server does). */
    static SSLContext serverContext(Issued server, Issued serverCa, X509Certificate trustedClientCa) {
        return RpTls.sslContext(pkcs12(server, serverCa), PASSWORD, trustedClientCa);
    }

    private static Issued leaf(Issued ca, String commonName, KeyPurposeId purpose, boolean serverNames) {
        KeyPair keys = keyPair();
        X500Name issuer = X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded());
        X500Name subject = new X500Name("CN=" + commonName + ",O=Test");
        return new Issued(keys, sign(new JcaX509v3CertificateBuilder(issuer, serial(), notBefore(), notAfter(), subject,
                keys.getPublic()), ca.keys(), builder -> {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
            if (serverNames) {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                        new GeneralName(GeneralName.dNSName, "localhost"),
                        new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
            }
        }));
    }

    private interface Extensions {
        void add(X509v3CertificateBuilder builder) throws Exception;
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuerKeys, Extensions extensions) {
        try {
            extensions.add(builder);
            var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(SERIAL.incrementAndGet());
    }

    private static Date notBefore() {
        return Date.from(Instant.now().minus(Duration.ofDays(1)));
    }

    private static Date notAfter() {
        return Date.from(Instant.now().plus(Duration.ofDays(30)));
    }
}
