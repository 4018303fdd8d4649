package se.susam.inloggning.tjanstekort;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collections;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.TrustManager;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

/**
 * The dedicated HTTPS connector of certificate login: its own port, and the only place whose TLS
 * handshake asks for a client certificate ({@code want}, not {@code need}: a browser without a
 * card still gets a page saying so, TJK-001). The ordinary connector is untouched and never asks.
 */
class CertificateConnector implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final CertificateLoginProperties properties;
    private final IssuerTrusts issuers;

    CertificateConnector(CertificateLoginProperties properties, IssuerTrusts issuers) {
        this.properties = properties;
        this.issuers = issuers;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addAdditionalConnectors(connector());
    }

    Connector connector() {
        KeyStore keyStore = serverKeyStore();
        char[] password = properties.server().keyStorePassword().toCharArray();
        javax.net.ssl.SSLContext context;
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore, password);
            context = javax.net.ssl.SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(),
                    new TrustManager[] {new CardIssuerTrustManager(issuers.allCaCertificates())}, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sus.certificate-login.server.key-store: " + e.getMessage(), e);
        }
        Connector connector = new Connector(Http11NioProtocol.class.getName());
        connector.setPort(properties.port());
        connector.setScheme("https");
        connector.setSecure(true);
        Http11NioProtocol protocol = (Http11NioProtocol) connector.getProtocolHandler();
        protocol.setSSLEnabled(true);
        SSLHostConfig host = new SSLHostConfig();
        host.setProtocols("TLSv1.2+TLSv1.3");
        host.setCertificateVerification("optional");
        SSLHostConfigCertificate certificate = new SSLHostConfigCertificate(host, SSLHostConfigCertificate.Type.UNDEFINED);
        certificate.setCertificateKeystore(keyStore);
        certificate.setCertificateKeystorePassword(properties.server().keyStorePassword());
        certificate.setSslContext(new ProvidedSslContext(context, serverChain(keyStore)));
        host.addCertificate(certificate);
        protocol.addSslHostConfig(host);
        return connector;
    }

    private static X509Certificate[] serverChain(KeyStore keyStore) {
        try {
            for (String alias : Collections.list(keyStore.aliases())) {
                if (keyStore.isKeyEntry(alias)) {
                    return java.util.Arrays.stream(keyStore.getCertificateChain(alias))
                            .map(X509Certificate.class::cast).toArray(X509Certificate[]::new);
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sus.certificate-login.server.key-store: " + e.getMessage(), e);
        }
        throw new IllegalStateException("sus.certificate-login.server.key-store: no key entry");
    }

    private KeyStore serverKeyStore() {
        try (InputStream in = properties.server().keyStore().getInputStream()) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, properties.server().keyStorePassword().toCharArray());
            return keyStore;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("sus.certificate-login.server.key-store: cannot read "
                    + properties.server().keyStore().getDescription() + ": " + e.getMessage(), e);
        }
    }

    /** Hands Tomcat an SSLContext built here, with {@link CardIssuerTrustManager}. */
    private record ProvidedSslContext(javax.net.ssl.SSLContext context, X509Certificate[] serverChain)
            implements org.apache.tomcat.util.net.SSLContext {

        @Override
        public void init(KeyManager[] kms, TrustManager[] tms, java.security.SecureRandom sr) {
            // Initialised when built.
        }

        @Override
        public void destroy() {
            // Nothing held beyond the JDK's context.
        }

        @Override
        public SSLSessionContext getServerSessionContext() {
            return context.getServerSessionContext();
        }

        @Override
        public SSLEngine createSSLEngine() {
            return context.createSSLEngine();
        }

        @Override
        public SSLServerSocketFactory getServerSocketFactory() {
            return context.getServerSocketFactory();
        }

        @Override
        public SSLParameters getSupportedSSLParameters() {
            return context.getSupportedSSLParameters();
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return serverChain.clone();
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
