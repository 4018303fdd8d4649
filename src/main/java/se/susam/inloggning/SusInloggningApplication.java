package se.susam.inloggning;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * SUS-inloggning: the login to SUS. Each sub-package is one feature (an application module);
 * see the README's architecture section and {@code ArchitectureTest}.
 */
// No user store of Spring's own: every login method ends in LoginCompletion.
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class SusInloggningApplication {

    public static void main(String[] args) {
        SpringApplication.run(SusInloggningApplication.class, args);
    }
}
