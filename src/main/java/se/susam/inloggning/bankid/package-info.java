/**
 * A framework-free client for BankID's Relying Party API v6.0 ("RP API"): {@code /auth},
 * {@code /phone/auth}, {@code /collect} and {@code /cancel} over mutual TLS, the animated QR code
 * of the "other device" flow, and the recommended user messages (RFA). It knows nothing of Spring
 * MVC, servlets or sessions: the JDK's {@link java.net.http.HttpClient} talks to BankID with the
 * relying party's PKCS#12 and BankID's own root CA as the only trust anchor, so any application
 * (login, customer service) can reuse it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "BankID RP API client")
package se.susam.inloggning.bankid;
