package se.susam.inloggning.tjanstekort;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo's revocation services, demo profile only: an OCSP responder at {@code /dev/ocsp/{issuer}}
 * (RFC 6960 Appendix A.1, POST) and CRLs at {@code /dev/crl/{issuer}.crl}, answering from
 * {@code ./data/tjanstekort/revoked.txt} — add a card's serial there to revoke it.
 */
@RestController
@Profile("demo")
@ConditionalOnProperty(name = "sus.certificate-login.enabled", havingValue = "true")
class DemoRevocationController {

    private static final Set<String> ISSUERS = Set.of("fk", "af");
    private static final Duration VALIDITY = Duration.ofMinutes(10);

    private final DemoCertificates demo;

    DemoRevocationController(DemoCertificates demo) {
        this.demo = demo;
    }

    /** OCSP clients post DER without a CSRF token; this chain covers only the demo responder. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static SecurityFilterChain demoRevocationSecurity(HttpSecurity http) throws Exception {
        return http.securityMatcher("/dev/ocsp/**", "/dev/crl/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @PostMapping(path = "/dev/ocsp/{issuer}", consumes = "application/ocsp-request")
    ResponseEntity<byte[]> ocsp(@PathVariable String issuer, @RequestBody byte[] request) {
        if (!ISSUERS.contains(issuer)) {
            return ResponseEntity.notFound().build();
        }
        Set<java.math.BigInteger> revoked = demo.revoked(issuer);
        OcspResponder responder = new OcspResponder(demo.issuer(issuer),
                serial -> revoked.contains(serial) ? OcspResponder.Answer.REVOKED : OcspResponder.Answer.GOOD,
                VALIDITY);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/ocsp-response"))
                .body(responder.respond(request));
    }

    @GetMapping("/dev/crl/{issuer}.crl")
    ResponseEntity<byte[]> crl(@PathVariable String issuer) {
        if (!ISSUERS.contains(issuer)) {
            return ResponseEntity.notFound().build();
        }
        Instant now = Instant.now();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/pkix-crl"))
                .body(demo.issuer(issuer).crl(demo.revoked(issuer), now, now.plus(VALIDITY)));
    }
}
