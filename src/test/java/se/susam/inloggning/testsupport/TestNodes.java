package se.susam.inloggning.testsupport;

import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import se.susam.inloggning.SusInloggningApplication;

/** Application instances ("nodes") sharing one database, for tests of "any node can serve any request". */
public final class TestNodes {

    private TestNodes() {
    }

    /**
     * The database the nodes share: the run's PostgreSQL (emptied once per run, then migrated) or a
     * named in-memory H2 that lives as long as the JVM.
     */
    public static String sharedDatabaseUrl(String name) {
        String url = System.getProperty("spring.datasource.url",
                "jdbc:h2:mem:" + name + "-" + UUID.randomUUID()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        if (url.startsWith("jdbc:postgresql:")) {
            TestSupportConfiguration.cleanOnceThenMigrate(org.flywaydb.core.Flyway.configure()
                    .dataSource(url, System.getProperty("spring.datasource.username", "sa"),
                            System.getProperty("spring.datasource.password", ""))
                    .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                    .cleanDisabled(false).load());
        }
        return url;
    }

    /** Starts one node with the test profile on a free port. */
    public static ConfigurableApplicationContext start(String url, String... arguments) {
        String[] all = new String[arguments.length + 2];
        all[0] = "--server.port=0";
        all[1] = "--spring.datasource.url=" + url;
        System.arraycopy(arguments, 0, all, 2, arguments.length);
        return new SpringApplicationBuilder(SusInloggningApplication.class).profiles("test").run(all);
    }

    public static String base(ConfigurableApplicationContext node) {
        return "http://localhost:" + ((WebServerApplicationContext) node).getWebServer().getPort();
    }
}
