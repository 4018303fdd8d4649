package se.susam.inloggning.tjanstekort;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

import se.susam.inloggning.login.LoginMethod;

/**
 * {@code sus.certificate-login.*}: tjänstekort login.
 *
 * @param enabled      whether tjänstekort login is offered at all
 * @param tlsConnector whether this application terminates TLS itself on {@code port} (asking for
 *                     the client certificate there); {@code false} behind a reverse proxy
 * @param port         the certificate connector's port (0: any free port, for tests); the ordinary
 *                     site never asks for a certificate
 * @param baseUrl      where browsers reach certificate login (the connector, or the proxy's host name)
 * @param siteUrl      the ordinary site, where a logged-in person lands in SUS
 * @param server       the connector's own TLS key and certificate
 * @param issuers      trust per card issuer, keyed by the name in the login address ({@code fk}, {@code af})
 * @param revocation   OCSP and CRL transport, caching and the fail-closed default
 * @param proxy        certificates forwarded by a TLS-terminating reverse proxy
 * @param demoDirectory demo profile only: where the demo PKI is created and read
 */
@Validated
@ConfigurationProperties("sus.certificate-login")
public record CertificateLoginProperties(@DefaultValue("false") boolean enabled,
                                         @DefaultValue("true") boolean tlsConnector,
                                         @DefaultValue("8443") @Min(0) @Max(65535) int port,
                                         URI baseUrl,
                                         @DefaultValue("http://localhost:8080") @NotNull URI siteUrl,
                                         @Valid ServerTls server,
                                         @DefaultValue({}) Map<String, @Valid Issuer> issuers,
                                         @DefaultValue @Valid Revocation revocation,
                                         @DefaultValue @Valid Proxy proxy,
                                         @DefaultValue("data/tjanstekort") java.nio.file.Path demoDirectory) {

    @AssertTrue(message = "sus.certificate-login.issuers must configure at least one card issuer when "
            + "sus.certificate-login.enabled=true")
    boolean isIssuerConfiguredWhenEnabled() {
        return !enabled || !issuers.isEmpty();
    }

    @AssertTrue(message = "sus.certificate-login.server.key-store must be set when sus.certificate-login.tls-connector=true")
    boolean isServerKeyStoreSetForConnector() {
        return !enabled || !tlsConnector || server != null;
    }

    /** Where browsers reach certificate login; by default the connector on this host. */
    public URI effectiveBaseUrl() {
        return baseUrl != null ? baseUrl : URI.create("https://localhost:" + port);
    }

    /**
     * The connector's key store (PKCS#12 with one key entry: the server key and its chain).
     *
     * @param keyStore         the key store file
     * @param keyStorePassword its password (also the key's password)
     */
    public record ServerTls(@NotNull(message = "set sus.certificate-login.server.key-store") Resource keyStore,
                            @NotNull @DefaultValue("") String keyStorePassword) {
    }

    /**
     * One card issuer (FK, AF) and what its certificates must be to log in.
     *
     * @param displayName        shown on pages, e.g. "Försäkringskassan"
     * @param loginMethod        the login method recorded for this issuer's cards
     * @param caCertificates     PEM files: the issuing CA and every CA above it up to the root
     *                           (self-signed certificates are the trust anchors)
     * @param extendedKeyUsages  OIDs the certificate's extended key usage must contain (clientAuth)
     * @param keyUsages          key usage bits the certificate must have
     * @param policies           certificate policy OIDs accepted (one must be present); empty: any
     * @param personnummerForms  the forms of the subject serialNumber (OID 2.5.4.5) that carry the personnummer
     * @param revocationSource   how revocation is checked
     * @param ocspUrl            the OCSP responder; when absent, the certificate's AIA
     * @param crlUrl             the CRL; when absent, the certificate's CRL distribution point
     */
    public record Issuer(@NotBlank String displayName,
                         @NotNull LoginMethod loginMethod,
                         @NotEmpty List<Resource> caCertificates,
                         @DefaultValue("1.3.6.1.5.5.7.3.2") List<String> extendedKeyUsages,
                         @DefaultValue("DIGITAL_SIGNATURE") List<KeyUsage> keyUsages,
                         @DefaultValue({}) List<String> policies,
                         @DefaultValue({"PLAIN", "PNOSE", "HYPHENATED"}) @NotEmpty List<PersonnummerForm> personnummerForms,
                         @DefaultValue("OCSP") @NotNull RevocationSource revocationSource,
                         URI ocspUrl,
                         URI crlUrl) {
    }

    /**
     * Revocation checking of the card certificate.
     *
     * @param timeout     connect and answer timeout of one OCSP or CRL request
     * @param cacheMaxAge longest time an OCSP answer or CRL is reused (never past its nextUpdate)
     * @param clockSkew   tolerance for the responder's thisUpdate/nextUpdate
     * @param failOpen    {@code false} (the default, fail-closed): when revocation cannot be
     *                    determined the login is refused (TJK-006); {@code true} lets it through
     *                    and audits that it did
     */
    public record Revocation(@DefaultValue("3s") @NotNull Duration timeout,
                             @DefaultValue("5m") @NotNull Duration cacheMaxAge,
                             @DefaultValue("2m") @NotNull Duration clockSkew,
                             @DefaultValue("false") boolean failOpen) {
    }

    /**
     * A TLS-terminating reverse proxy (nginx) that forwards the client certificate.
     *
     * @param trustedAddresses proxy addresses (IP or CIDR) whose certificate header is believed;
     *                         from every other address the header is dropped
     * @param header           the header carrying nginx's {@code $ssl_client_escaped_cert}
     */
    public record Proxy(@DefaultValue({}) List<@NotBlank String> trustedAddresses,
                        @DefaultValue("X-SSL-Client-Cert") @NotBlank String header) {
    }

    /** Key usage bits of RFC 5280 §4.2.1.3, in bit order. */
    public enum KeyUsage {
        DIGITAL_SIGNATURE, NON_REPUDIATION, KEY_ENCIPHERMENT, DATA_ENCIPHERMENT, KEY_AGREEMENT
    }

    /** How revocation is checked. */
    public enum RevocationSource {
        /** OCSP only. */
        OCSP,
        /** CRL only. */
        CRL,
        /** OCSP, and the CRL when the responder cannot answer. */
        OCSP_THEN_CRL
    }
}
