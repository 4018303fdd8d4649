/**
 * Tjänstekort: login with the staff smart card's X.509 certificate (FK's and AF's Efos cards), and
 * Arbetsförmedlingen's desktop link.
 *
 * <p>The certificate reaches the application either in the TLS handshake of the dedicated
 * certificate connector ({@link se.susam.inloggning.tjanstekort.CertificateConnector}, the only
 * address that asks for a certificate) or, behind a TLS-terminating reverse proxy, in a header that
 * is accepted only from the configured proxy addresses. {@link
 * se.susam.inloggning.tjanstekort.CertificateValidator} (JDK PKIX, key usage, policy, OCSP and CRL,
 * personnummer from the subject's serialNumber) knows nothing of servlets or Spring MVC; a valid
 * certificate ends, like every login method, in {@code LoginCompletion}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tjänstekort login")
package se.susam.inloggning.tjanstekort;
