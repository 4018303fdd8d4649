/**
 * E-legitimation through identity brokers (Telia, Nordea, Freja, …): for each provider in
 * {@code sus.eleg.providers} an OpenID Connect relying party with its own button on the chooser,
 * as the support page's "Kontrollera utfärdare" expects. {@link se.susam.inloggning.eleg.BrokerClient}
 * speaks the protocol (Nimbus OAuth 2.0 SDK, no servlet API); the controller turns its outcome into
 * {@link se.susam.inloggning.login.LoginCompletion} or an ELEG error. Login state (state, nonce,
 * PKCE verifier) is kept in the database.
 */
@org.springframework.modulith.ApplicationModule(displayName = "E-legitimation via brokers")
package se.susam.inloggning.eleg;
