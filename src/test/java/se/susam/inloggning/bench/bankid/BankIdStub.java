package se.susam.inloggning.bench.bankid;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * BankID's RP API as far as the benchmark needs it: {@code /auth} makes an order that stays
 * pending for ever, {@code /collect} answers pending and counts the calls per order, so the report
 * can show how often our server collected each order.
 */
final class BankIdStub implements AutoCloseable {

    private static final Pattern ORDER_REF = Pattern.compile("\"orderRef\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpServer server;
    private final Map<String, AtomicInteger> collects = new ConcurrentHashMap<>();
    private volatile boolean counting;

    BankIdStub(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 4096);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/rp/v6.0/auth", exchange -> answer(exchange, "{\"orderRef\":\"" + UUID.randomUUID()
                + "\",\"autoStartToken\":\"" + UUID.randomUUID() + "\",\"qrStartToken\":\"" + UUID.randomUUID()
                + "\",\"qrStartSecret\":\"" + UUID.randomUUID() + "\"}"));
        server.createContext("/rp/v6.0/collect", exchange -> {
            Matcher m = ORDER_REF.matcher(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String orderRef = m.find() ? m.group(1) : "?";
            if (counting) {
                collects.computeIfAbsent(orderRef, k -> new AtomicInteger()).incrementAndGet();
            }
            answer(exchange, "{\"orderRef\":\"" + orderRef + "\",\"status\":\"pending\",\"hintCode\":\"outstandingTransaction\"}");
        });
        server.createContext("/rp/v6.0/cancel", exchange -> answer(exchange, "{}"));
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Counts collects from now on (the measured window). */
    void startCounting() {
        collects.clear();
        counting = true;
    }

    void stopCounting() {
        counting = false;
    }

    Map<String, AtomicInteger> collects() {
        return collects;
    }

    private static void answer(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
