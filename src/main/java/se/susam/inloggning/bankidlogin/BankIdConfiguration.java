package se.susam.inloggning.bankidlogin;

import java.net.URI;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

import se.susam.inloggning.bankid.AuthRequest;
import se.susam.inloggning.bankid.CollectResponse;
import se.susam.inloggning.bankid.HttpRpApiClient;
import se.susam.inloggning.bankid.OrderResponse;
import se.susam.inloggning.bankid.PhoneAuthRequest;
import se.susam.inloggning.bankid.PhoneOrderResponse;
import se.susam.inloggning.bankid.RpApi;
import se.susam.inloggning.bankid.RpApiSettings;
import se.susam.inloggning.bankid.RpTls;

/** Builds the RP API client from {@code sus.bankid.*}; wrong settings stop start-up. */
@Configuration(proxyBeanMethods = false)
class BankIdConfiguration {

    @Bean
    RpApi rpApi(BankIdProperties properties, Environment environment) {
        if (properties.isLocalSimulator()) {
            if (!environment.acceptsProfiles(Profiles.of("demo", "test"))) {
                throw new IllegalStateException("sus.bankid.api-url=" + properties.apiUrl() + " is the BankID "
                        + "simulator, which exists only in the demo profile; set the RP API of BankID");
            }
            // The simulator runs in this server, whose port is known only once it has started.
            return new OnFirstUse(() -> client(properties, URI.create("http://127.0.0.1:"
                    + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"))
                    + properties.apiUrl()), null));
        }
        URI base = URI.create(properties.apiUrl());
        SSLContext tls = "https".equals(base.getScheme())
                ? RpTls.sslContext(properties.rpCertificate(), properties.rpCertificatePassword().toCharArray(),
                properties.rootCa())
                : null;
        return client(properties, base, tls);
    }

    private static RpApi client(BankIdProperties properties, URI base, SSLContext tls) {
        return new HttpRpApiClient(new RpApiSettings(base, tls, properties.connectTimeout(),
                properties.requestTimeout(), properties.maxAttempts(), properties.initialBackoff()));
    }

    /** An {@link RpApi} made on its first call. */
    static final class OnFirstUse implements RpApi {

        private final Supplier<RpApi> factory;
        private volatile RpApi delegate;

        OnFirstUse(Supplier<RpApi> factory) {
            this.factory = factory;
        }

        private RpApi api() {
            RpApi api = delegate;
            if (api == null) {
                synchronized (this) {
                    if (delegate == null) {
                        delegate = factory.get();
                    }
                    api = delegate;
                }
            }
            return api;
        }

        @Override
        public OrderResponse auth(AuthRequest request) {
            return api().auth(request);
        }

        @Override
        public PhoneOrderResponse phoneAuth(PhoneAuthRequest request) {
            return api().phoneAuth(request);
        }

        @Override
        public CollectResponse collect(String orderRef) {
            return api().collect(orderRef);
        }

        @Override
        public void cancel(String orderRef) {
            api().cancel(orderRef);
        }
    }
}
