package se.susam.inloggning.bankid;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

/**
 * A scripted stand-in for BankID's RP API over real mutual TLS: it demands a client certificate
 * from the RP CA, records every request and answers from a queue of scripted replies.
 */
final class RpApiStub implements AutoCloseable {

    /** One scripted answer. */
    record Reply(int status, String body, long delayMillis) {

        static Reply ok(String body) {
            return new Reply(200, body, 0);
        }

        static Reply error(int status, String errorCode, String details) {
            return new Reply(status, "{\"errorCode\":\"" + errorCode + "\",\"details\":\"" + details + "\"}", 0);
        }
    }

    /** One request as the stub received it. */
    record Received(String method, String path, String contentType, String body, String clientSubject) {
    }

    private final HttpsServer server;
    private final ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Reply fallback = Reply.error(500, "internalError", "no scripted reply");

    RpApiStub(SSLContext tls) throws IOException {
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters parameters = tls.getDefaultSSLParameters();
                parameters.setNeedClientAuth(true);
                params.setSSLParameters(parameters);
            }
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/rp/v6.0/", exchange -> {
            String subject = ((com.sun.net.httpserver.HttpsExchange) exchange).getSSLSession()
                    .getPeerPrincipal().getName();
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), subject));
            Reply reply = replies.poll();
            if (reply == null) {
                reply = fallback;
            }
            if (reply.delayMillis() > 0) {
                try {
                    Thread.sleep(reply.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    URI baseUri() {
        return URI.create("https://localhost:" + server.getAddress().getPort() + "/rp/v6.0/");
    }

    RpApiStub then(Reply reply) {
        replies.add(reply);
        return this;
    }

    RpApiStub always(Reply reply) {
        fallback = reply;
        return this;
    }

    List<Received> received() {
        return received;
    }

    Received last() {
        return received.getLast();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
