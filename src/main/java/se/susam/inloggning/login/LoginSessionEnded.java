package se.susam.inloggning.login;

import java.time.Instant;

/**
 * A session ended: logout, the absolute timeout, or a new login replacing it. Published before the
 * session is invalidated, so listeners (back-channel logout to relying parties) can act on it.
 *
 * @param sessionId the ended HTTP session's id
 */
public record LoginSessionEnded(String sessionId, Instant endedAt) {
}
