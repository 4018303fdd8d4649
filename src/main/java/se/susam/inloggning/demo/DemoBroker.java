package se.susam.inloggning.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo's e-ID broker: NAV's mock-oauth2-server, a real OpenID Connect provider, started
 * in-process on its own port ({@code sus.demo.broker-port}, default 8081) with one issuer per demo
 * provider ({@code /telia}, {@code /nordea}). Its login page lets the tester pick a demo person (or a
 * broken answer) and send the personnummer in the Swedish eID framework's claim, or cancel.
 */
@Component
@Profile("demo")
class DemoBroker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DemoBroker.class);

    private final MockOAuth2Server server;

    DemoBroker(@Value("${sus.demo.broker-port:8081}") int port) throws IOException {
        Path loginPage = Files.createTempFile("sus-demo-broker-login", ".html");
        try (InputStream page = DemoBroker.class.getResourceAsStream("/demo/broker-login.html")) {
            Files.writeString(loginPage, new String(page.readAllBytes(), StandardCharsets.UTF_8));
        }
        loginPage.toFile().deleteOnExit();
        server = new MockOAuth2Server(OAuth2Config.Companion.fromJson("""
                {"interactiveLogin": true, "loginPagePath": "%s"}""".formatted(loginPage.toString().replace("\\", "/"))));
        try {
            server.start(port);
        } catch (RuntimeException e) {
            throw new IllegalStateException("The demo e-ID broker cannot listen on port " + port
                    + ": free it or set sus.demo.broker-port", e);
        }
        log.info("Demo e-ID broker (mock-oauth2-server) at {}", server.baseUrl());
    }

    @Override
    public void destroy() {
        server.shutdown();
    }
}
