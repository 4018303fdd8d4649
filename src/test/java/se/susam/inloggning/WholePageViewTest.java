package se.susam.inloggning;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import se.susam.inloggning.testsupport.TestSupportConfiguration;

/**
 * Pages go out whole, with their length ({@link WholePageView}); one larger than Tomcat's response
 * buffer still arrives complete, chunked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestSupportConfiguration.class)
class WholePageViewTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest
    @ValueSource(strings = {"/", "/login/sms", "/behorigheter"})
    void pageWhenItFitsTheBufferThenSentWithItsLength(String path) throws Exception {
        HttpResponse<byte[]> response = get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Transfer-Encoding")).isEmpty();
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(response.body().length);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("<html").endsWith("</html>\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/support/vanliga-felmeddelanden/sms"})
    void pageWhenLargerThanTheBufferThenSentWholeInChunks(String path) throws Exception {
        HttpResponse<byte[]> response = get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body().length).isGreaterThan(8192);
        assertThat(response.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("<html").endsWith("</html>\n");
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
