package se.susam.inloggning.browser;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** Without Chromium the browser tests fail, saying what to install; they never skip. */
class ChromiumTest {

    @Test
    void startWhenChromiumIsMissingThenFailsNamingTheDebianPackage() {
        assertThatThrownBy(() -> Chromium.start(Path.of("/nonexistent/chromium"), Chromium.DRIVER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/nonexistent/chromium")
                .hasMessageContaining("apt-get install -y chromium chromium-driver")
                .hasMessageEndingWith("Missing package: chromium");
    }

    @Test
    void startWhenChromeDriverIsMissingThenFailsNamingTheDebianPackage() {
        assertThatThrownBy(() -> Chromium.start(Chromium.BROWSER, Path.of("/nonexistent/chromedriver")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageEndingWith("Missing package: chromium-driver");
    }
}
