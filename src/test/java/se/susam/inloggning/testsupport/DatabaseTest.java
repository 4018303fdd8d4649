package se.susam.inloggning.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test of the running application on a real database: H2 in the default Surefire execution,
 * PostgreSQL in the {@code postgres} execution (which runs every class tagged {@code database}).
 * Tests create their own persons with {@link TestRegistry} so they never depend on each other.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Tag("database")
@Import(TestSupportConfiguration.class)
public @interface DatabaseTest {
}
