package se.susam.inloggning.incident;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import se.susam.inloggning.SusInloggningApplication;

/** A wrong {@code sus.incident.*} setting stops start-up with a message that names it. */
class IncidentPropertiesTest {

    private static void startWith(String setting) {
        new SpringApplicationBuilder(SusInloggningApplication.class).profiles("test")
                .run("--server.port=0", "--spring.datasource.url=jdbc:h2:mem:incident-" + UUID.randomUUID()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", setting).close();
    }

    @Test
    void startWhenRateLimitBelowOneThenFailsNamingTheSetting() {
        assertThatThrownBy(() -> startWith("--sus.incident.reports-per-address=0"))
                .rootCause().hasMessageContaining("sus.incident.reports-per-address");
    }

    @Test
    void startWhenTrustedProxyIsAHostNameThenFailsNamingTheSetting() {
        assertThatThrownBy(() -> startWith("--sus.incident.trusted-proxies=proxy.example.se"))
                .rootCause().hasMessageContaining("sus.incident.trusted-proxies");
    }
}
