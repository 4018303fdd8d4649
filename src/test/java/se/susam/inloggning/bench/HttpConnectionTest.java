package se.susam.inloggning.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The benchmark's HTTP/1.1 client against a scripted server: framing, keep-alive and reconnecting. */
class HttpConnectionTest {

    private final ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    private final AtomicInteger connections = new AtomicInteger();
    private final List<String> requestLines = new CopyOnWriteArrayList<>();

    HttpConnectionTest() throws IOException {
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    /** Serves each connection the given raw responses, one per request, then closes it. */
    private URI serve(String... responses) {
        Thread.ofPlatform().daemon().start(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    connections.incrementAndGet();
                    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                            StandardCharsets.ISO_8859_1));
                    OutputStream out = socket.getOutputStream();
                    for (String response : responses) {
                        String requestLine = in.readLine();
                        if (requestLine == null) {
                            break;
                        }
                        requestLines.add(requestLine);
                        int length = 0;
                        for (String line = in.readLine(); !line.isEmpty(); line = in.readLine()) {
                            if (line.toLowerCase().startsWith("content-length:")) {
                                length = Integer.parseInt(line.substring(15).strip());
                            }
                        }
                        in.skip(length);
                        out.write(response.getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                } catch (IOException e) {
                    return;
                }
            }
        });
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    @Test
    void exchangeWhenBodyIsChunkedThenJoinsTheChunks() throws IOException {
        URI uri = serve("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nSet-Cookie: a=1\r\n\r\n"
                + "6\r\nhallå\r\n8;ext=1\r\n, värld\r\n0\r\n\r\n");
        try (HttpConnection connection = new HttpConnection(uri)) {
            HttpConnection.Response response = connection.exchange("GET", "/", List.of(), null);

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("hallå, värld");
            assertThat(response.header("set-cookie")).isEqualTo("a=1");
        }
    }

    @Test
    void exchangeWhenKeptAliveThenSendsTheNextRequestOnTheSameConnection() throws IOException {
        URI uri = serve("HTTP/1.1 302 Found\r\nLocation: /kod\r\nContent-Length: 0\r\n\r\n",
                "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        try (HttpConnection connection = new HttpConnection(uri)) {
            HttpConnection.Response redirect = connection.exchange("POST", "/login/sms",
                    List.of("Content-Type: application/x-www-form-urlencoded"), "a=b".getBytes(StandardCharsets.UTF_8));
            HttpConnection.Response page = connection.exchange("GET", "/kod", List.of(), null);

            assertThat(redirect.status()).isEqualTo(302);
            assertThat(redirect.header("location")).isEqualTo("/kod");
            assertThat(page.body()).isEqualTo("ok");
            assertThat(connections).hasValue(1);
            assertThat(requestLines).containsExactly("POST /login/sms HTTP/1.1", "GET /kod HTTP/1.1");
        }
    }

    @Test
    void exchangeWhenServerAnswersConnectionCloseThenOpensANewConnectionForTheNextRequest() throws IOException {
        URI uri = serve("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 3\r\n\r\none");
        try (HttpConnection connection = new HttpConnection(uri)) {
            connection.exchange("GET", "/1", List.of(), null);
            HttpConnection.Response second = connection.exchange("GET", "/2", List.of(), null);

            assertThat(second.body()).isEqualTo("one");
            assertThat(connections).hasValue(2);
        }
    }

    @Test
    void exchangeWhenServerClosedTheKeptAliveConnectionThenSendsTheRequestAgainOnANewOne() throws IOException {
        URI uri = serve("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\none");
        try (HttpConnection connection = new HttpConnection(uri)) {
            connection.exchange("GET", "/1", List.of(), null);
            HttpConnection.Response second = connection.exchange("GET", "/2", List.of(), null);

            assertThat(second.body()).isEqualTo("one");
            assertThat(requestLines).endsWith("GET /2 HTTP/1.1");
        }
    }
}
