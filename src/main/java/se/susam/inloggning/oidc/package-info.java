/**
 * The OpenID Connect provider that SUS and other services rely on (SPEC §3.6), built on Spring
 * Security's authorization server: discovery, rotating signing keys kept in the database, the
 * authorization code flow with PKCE, ID tokens with the Swedish eID framework's claims, UserInfo,
 * RP-initiated and back-channel logout. Relying parties are registered in configuration
 * ({@code sus.oidc.clients}). A person reaches a relying party only through
 * {@link se.susam.inloggning.login.LoginCompletion} and with valid access.
 */
@org.springframework.modulith.ApplicationModule(displayName = "OpenID Connect provider")
package se.susam.inloggning.oidc;
