package se.susam.inloggning.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import se.susam.inloggning.testsupport.TestSupportConfiguration;

/**
 * A test of the running application in a real, headless Chromium: test methods take a
 * {@link Browser} parameter. Runs once, on H2 (tagged {@code browser}, not {@code database}); the
 * Spring context is the same as a {@code @DatabaseTest}'s, so the two share it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestSupportConfiguration.class)
@Tag("browser")
@ExtendWith(BrowserExtension.class)
public @interface BrowserTest {
}
