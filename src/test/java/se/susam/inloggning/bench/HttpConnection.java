package se.susam.inloggning.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One keep-alive HTTP/1.1 connection (RFC 9112), blocking, for one virtual user. The benchmark
 * shares the two cores with the server, so its client must cost little: the JDK's
 * {@code HttpClient} took about 1 ms of CPU per request here (its asynchronous machinery), this
 * takes a fraction of that. Reads bodies framed by {@code Content-Length}, chunked transfer coding
 * or the end of the connection (RFC 9112 §6.3); reconnects after {@code Connection: close}.
 */
public final class HttpConnection implements Closeable {

    private static final int TIMEOUT_MILLIS = 60_000;

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private boolean reused;

    public HttpConnection(URI server) {
        this.host = server.getHost();
        this.port = server.getPort() < 0 ? 80 : server.getPort();
    }

    /** A response: status, header fields (names in lower case) and the body as UTF-8 text. */
    public record Response(int status, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? "" : values.getFirst();
        }
    }

    /**
     * Sends one request and reads its response. {@code headers} are complete header lines
     * ({@code "Cookie: a=b"}); {@code body} may be null. A request on a kept-alive connection that
     * the server had already closed is sent once more on a new connection.
     */
    public Response exchange(String method, String target, List<String> headers, byte[] body) throws IOException {
        boolean retryable = reused;
        try {
            return exchangeOnce(method, target, headers, body);
        } catch (EOFException | java.net.SocketException e) {
            close();
            if (!retryable) {
                throw e;
            }
            return exchangeOnce(method, target, headers, body);
        }
    }

    private Response exchangeOnce(String method, String target, List<String> headers, byte[] body)
            throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = new BufferedOutputStream(socket.getOutputStream(), 8 * 1024);
            reused = false;
        }
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            out.write(body);
        }
        out.flush();
        Response response = read(method);
        reused = true;
        if (response.header("connection").equalsIgnoreCase("close")) {
            close();
        }
        return response;
    }

    private Response read(String method) throws IOException {
        String statusLine = line();
        if (!statusLine.startsWith("HTTP/1.")) {
            throw new IOException("Not an HTTP/1.x response: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line = line(); !line.isEmpty(); line = line()) {
            int colon = line.indexOf(':');
            headers.computeIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(line.substring(colon + 1).strip());
        }
        Response framing = new Response(status, headers, "");
        byte[] body;
        if (method.equals("HEAD") || status == 204 || status == 304 || status / 100 == 1) {
            body = new byte[0];
        } else if (framing.header("transfer-encoding").toLowerCase(Locale.ROOT).contains("chunked")) {
            body = chunked();
        } else if (!framing.header("content-length").isEmpty()) {
            body = exactly(Integer.parseInt(framing.header("content-length")));
        } else {
            body = in.readAllBytes();
            close();
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private byte[] chunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(8 * 1024);
        while (true) {
            String size = line();
            int semicolon = size.indexOf(';');
            int length = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).strip(), 16);
            if (length == 0) {
                String trailer;
                do {
                    trailer = line();
                } while (!trailer.isEmpty());
                return body.toByteArray();
            }
            body.write(exactly(length));
            line();
        }
    }

    private byte[] exactly(int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new EOFException("connection closed inside a body");
        }
        return bytes;
    }

    /** One CRLF-terminated line of the response head. */
    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed");
            }
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) b);
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a connection the server may already have closed
            }
            socket = null;
        }
    }
}
