/**
 * Secrets and the rules around them: master passwords hashed with Argon2id, the generator of
 * readable GSM-safe master passwords, and the per-account failure counter that locks an account
 * (NIST SP 800-63B §5.2.2 rate limiting).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Credentials")
package se.susam.inloggning.credentials;
