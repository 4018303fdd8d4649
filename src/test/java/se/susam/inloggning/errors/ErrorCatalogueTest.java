package se.susam.inloggning.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The registry, its texts and the code stay in step: every code has a message, cause and remedy in
 * Swedish and English, every code is raised somewhere in the code, and every error text in the
 * bundles belongs to a registered code.
 */
class ErrorCatalogueTest {

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (var in = ErrorCatalogueTest.class.getResourceAsStream("/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void everyCodeWhenRegisteredThenHasAllTextsInSwedishAndEnglish() throws IOException {
        for (String name : List.of("messages.properties", "messages_en.properties")) {
            Properties texts = bundle(name);
            for (ErrorCode code : ErrorCode.values()) {
                for (String key : List.of(code.messageKey(), code.causeKey(), code.remedyKey())) {
                    assertThat(texts.getProperty(key)).as(name + " " + key).isNotBlank();
                }
            }
        }
    }

    @Test
    void everyErrorTextWhenInABundleThenBelongsToARegisteredCode() throws IOException {
        for (String name : List.of("messages.properties", "messages_en.properties")) {
            for (String key : bundle(name).stringPropertyNames()) {
                if (key.startsWith("error.")) {
                    String code = key.split("\\.")[1];
                    assertThat(ErrorCode.byCode(code)).as(name + ": " + key + " has no registered code").isPresent();
                }
            }
        }
    }

    @Test
    void everyCodeWhenRegisteredThenRaisedSomewhereInTheCode() throws IOException {
        List<String> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".html"))
                    .filter(f -> !f.endsWith("ErrorCode.java")).toList()) {
                sources.add(Files.readString(file));
            }
        }
        String all = String.join("\n", sources);
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(all.contains("ErrorCode." + code.name()) || all.contains("'" + code.code() + "'"))
                    .as(code + " is registered but nothing raises it").isTrue();
        }
    }

    @Test
    void everyCodeWhenRegisteredThenListedOnACataloguePage() {
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(CatalogueRoutes.entryUrl(code)).contains("#" + code.code());
        }
    }

    @Test
    void codesWhenRegisteredThenUniqueAndWellFormed() {
        assertThat(Stream.of(ErrorCode.values()).map(ErrorCode::code).distinct().count())
                .isEqualTo(ErrorCode.values().length);
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(code.code()).matches("[A-Z]{2,4}-\\d{3}").startsWith(code.family().name());
        }
    }
}
