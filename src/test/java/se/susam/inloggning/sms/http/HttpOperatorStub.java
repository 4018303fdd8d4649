package se.susam.inloggning.sms.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for a 46elks-style SMS API ({@code POST /a1/sms}, form fields, basic auth) on
 * the JDK's HTTP server. It records each request and answers as the test tells it to.
 */
public final class HttpOperatorStub implements AutoCloseable {

    /** A request as the operator received it. */
    public record Received(String method, String authorization, String contentType, Map<String, String> form) {
    }

    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile int status = 200;
    private volatile Duration delay = Duration.ZERO;

    private HttpOperatorStub(HttpServer server) {
        this.server = server;
    }

    public static HttpOperatorStub start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        HttpOperatorStub stub = new HttpOperatorStub(server);
        server.createContext("/a1/sms", stub::handle);
        server.setExecutor(Executors.newCachedThreadPool(Thread.ofPlatform().daemon().factory()));
        server.start();
        return stub;
    }

    /** The send address, {@code http://127.0.0.1:<port>/a1/sms}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/a1/sms");
    }

    /** Answer every request with {@code status} (200 answers with JSON carrying a new id). */
    public void answer(int status) {
        this.status = status;
    }

    /** Wait this long before answering. */
    public void delay(Duration delay) {
        this.delay = delay;
    }

    public Received nextReceived(Duration timeout) throws InterruptedException, TimeoutException {
        Received request = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (request == null) {
            throw new TimeoutException("no request within " + timeout);
        }
        return request;
    }

    public boolean receivedNothing() {
        return received.isEmpty();
    }

    /** Forgets what was received so far (tests sharing one stub). */
    public void forgetReceived() {
        received.clear();
    }

    /** The id the stub gave the most recent message it accepted. */
    public String lastId() {
        return "s" + ids.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            received.add(new Received(exchange.getRequestMethod(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    form(new String(body.readAllBytes(), StandardCharsets.UTF_8))));
            Thread.sleep(delay.toMillis());
            int answer = status;
            byte[] response = answer == 200
                    ? ("{\"status\": \"created\", \"direction\": \"outgoing\", \"id\": \"s" + ids.incrementAndGet() + "\"}")
                    .getBytes(StandardCharsets.UTF_8)
                    : "Invalid request".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", answer == 200 ? "application/json" : "text/plain");
            exchange.sendResponseHeaders(answer, response.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }
}
