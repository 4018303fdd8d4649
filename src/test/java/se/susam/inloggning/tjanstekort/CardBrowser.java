package se.susam.inloggning.tjanstekort;

import java.io.IOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;

import se.susam.inloggning.testsupport.WebClient.Page;

/**
 * A browser with a card in the reader: JDK HttpClient doing real TLS handshakes with the card's key,
 * trusting the test root for the server, keeping cookies across the certificate connector and the
 * site, never following redirects. Like a user picking their name in "Välj certifikat för
 * autentisering", it presents its card whatever CAs the server names; it records the names.
 */
final class CardBrowser {

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    /** The CA names the server's CertificateRequest listed, per handshake. */
    final List<List<String>> requestedIssuers = java.util.Collections.synchronizedList(new ArrayList<>());

    CardBrowser(TestPki pki, DemoCa.Card card) {
        this(pki.root.certificate(), card, null);
    }

    CardBrowser(TestPki pki, DemoCa.Card card, InetAddress localAddress) {
        this(pki.root.certificate(), card, localAddress);
    }

    CardBrowser(X509Certificate trustedRoot, DemoCa.Card card, InetAddress localAddress) {
        SSLContext context = sslContext(trustedRoot, card, requestedIssuers);
        {
            HttpClient.Builder builder = HttpClient.newBuilder().sslContext(context).cookieHandler(cookies)
                    .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5));
            if (localAddress != null) {
                builder.localAddress(localAddress);
            }
            http = builder.build();
        }
    }

    /** TLS with the card (or none) as client key, trusting {@code trustedRoot}; CA names asked for go to {@code asked}. */
    static SSLContext sslContext(X509Certificate trustedRoot, DemoCa.Card card, List<List<String>> asked) {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("root", trustedRoot);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new javax.net.ssl.KeyManager[] {new CardKeyManager(card, asked)}, trust.getTrustManagers(),
                    null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    Page get(String url) {
        return get(url, Map.of());
    }

    Page get(String url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "text/html");
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.body(),
                    response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Presents the card (if any) for every client-certificate request. */
    private static final class CardKeyManager extends X509ExtendedKeyManager {

        private static final String ALIAS = "card";
        private final DemoCa.Card card;
        private final List<List<String>> asked;

        CardKeyManager(DemoCa.Card card, List<List<String>> asked) {
            this.card = card;
            this.asked = asked;
        }

        private String choose(Principal[] issuers) {
            asked.add(issuers == null ? List.of()
                    : java.util.Arrays.stream(issuers).map(Principal::getName).toList());
            return card == null ? null : ALIAS;
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return choose(issuers);
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            return choose(issuers);
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return card == null ? new String[0] : new String[] {ALIAS};
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return card == null ? null : card.chain().toArray(X509Certificate[]::new);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return card == null ? null : card.key();
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return new String[0];
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }
    }
}
