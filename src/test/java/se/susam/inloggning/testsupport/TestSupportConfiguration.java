package se.susam.inloggning.testsupport;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Test-only beans shared by every {@link DatabaseTest}. */
@TestConfiguration(proxyBeanMethods = false)
public class TestSupportConfiguration {

    private static final AtomicBoolean CLEANED = new AtomicBoolean();

    /**
     * The first context of a test run starts from an empty schema (PostgreSQL keeps data between
     * runs); later contexts in the same run only migrate, so cached contexts keep their tables.
     */
    @Bean
    FlywayMigrationStrategy cleanOncePerRun() {
        return TestSupportConfiguration::cleanOnceThenMigrate;
    }

    /** Cleans the schema the first time a test run touches the database, then migrates. */
    public static void cleanOnceThenMigrate(org.flywaydb.core.Flyway flyway) {
        if (CLEANED.compareAndSet(false, true)) {
            flyway.clean();
        }
        flyway.migrate();
    }

    @Bean
    TestRegistry testRegistry(se.susam.inloggning.access.AccessRegistry registry,
                              se.susam.inloggning.credentials.MasterPasswords masterPasswords) {
        return new TestRegistry(registry, masterPasswords);
    }

    @Bean
    @org.springframework.context.annotation.Primary
    MutableClock mutableClock() {
        return new MutableClock();
    }
}
