package se.susam.inloggning.bankid;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Mutual TLS for the RP API: the relying party authenticates with its PKCS#12 (issued by BankID;
 * BankID's test environment publishes one, {@code FPTestcert5_20240610.p12}, password
 * {@code qwerty123}), and trusts only BankID's own root CA for the server, not the JDK's cacerts:
 * no public CA can vouch for appapi2.bankid.com to us.
 */
public final class RpTls {

    private RpTls() {
    }

    /** From files: the RP's PKCS#12 and BankID's root CA certificate (PEM or DER). */
    public static SSLContext sslContext(Path pkcs12, char[] password, Path bankIdRootCa) {
        try (InputStream keys = Files.newInputStream(pkcs12); InputStream ca = Files.newInputStream(bankIdRootCa)) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(keys, password);
            X509Certificate root = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(ca);
            return sslContext(keyStore, password, root);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the BankID RP certificate " + pkcs12.getFileName()
                    + " or root CA " + bankIdRootCa.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** From loaded material: {@code keyStore} holds the RP key and certificate chain. */
    public static SSLContext sslContext(KeyStore keyStore, char[] password, X509Certificate bankIdRootCa) {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keyStore, password);
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("bankid-root", bankIdRootCa);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot set up mutual TLS for the RP API: " + e.getMessage(), e);
        }
    }
}
