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
 * Like {@link DatabaseTest}, with the load benchmark's {@code bench} profile on as well (the test
 * profile's database and keys win) and three benchmark persons seeded.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "sus.bench.users=3")
@ActiveProfiles({"bench", "test"})
@Tag("database")
@Import(TestSupportConfiguration.class)
public @interface BenchDatabaseTest {
}
