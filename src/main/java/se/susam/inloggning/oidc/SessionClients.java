package se.susam.inloggning.oidc;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The relying parties each session reached (OpenID Connect Back-Channel Logout 1.0: the provider keeps
 * track of the relying parties a session reached), keyed by {@code sid}; in the database, so the node that
 * ends a session knows what another node handed out.
 */
@Repository
class SessionClients {

    /** A relying party that got an ID token for the session, from this issuer. */
    record Reached(String clientId, String subject, String issuer) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    SessionClients(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void reached(String sid, String clientId, String subject, String issuer) {
        try {
            jdbc.sql("""
                    INSERT INTO oidc_session_client (sid, client_id, subject, issuer, first_at)
                    SELECT :sid, :client, :subject, :issuer, :at WHERE NOT EXISTS
                        (SELECT 1 FROM oidc_session_client WHERE sid = :sid AND client_id = :client)""")
                    .param("sid", sid).param("client", clientId).param("subject", subject).param("issuer", issuer)
                    .param("at", clock.instant().atOffset(ZoneOffset.UTC)).update();
        } catch (DuplicateKeyException e) {
            // reached twice at once: once is enough
        }
    }

    /** The relying parties the session reached, forgotten as they are returned (each is told once). */
    List<Reached> takeAll(String sid) {
        List<Reached> reached = jdbc.sql("SELECT client_id, subject, issuer FROM oidc_session_client WHERE sid = :sid")
                .param("sid", sid).query((rs, i) -> new Reached(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
        if (!reached.isEmpty()) {
            jdbc.sql("DELETE FROM oidc_session_client WHERE sid = :sid").param("sid", sid).update();
        }
        return reached;
    }

    /**
     * The sessions that reached a relying party but are gone from the session store (expired after
     * idling, or removed), by {@code sid}. Spring Session announces no expiry, so this is how their
     * end is found.
     */
    List<String> endedSids() {
        java.util.Set<String> live = new java.util.HashSet<>();
        jdbc.sql("SELECT session_id FROM spring_session").query(String.class).list()
                .forEach(id -> live.add(LoginFacts.sidOf(id.trim())));
        return jdbc.sql("SELECT DISTINCT sid FROM oidc_session_client").query(String.class).list().stream()
                .filter(sid -> !live.contains(sid)).toList();
    }
}
