package se.susam.inloggning.eleg;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Started e-ID logins, in the database so the broker may send the person back to any node. A login
 * is used once: {@link #use} is a conditional update, so a replayed callback finds nothing.
 */
@Repository
class ElegTransactions {

    /** A started login: the secrets the callback needs. */
    record Transaction(String id, String provider, String state, String nonce, String codeVerifier, URI redirectUri,
                       Instant createdAt) {
    }

    private final JdbcClient jdbc;

    ElegTransactions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void create(Transaction t) {
        jdbc.sql("""
                INSERT INTO eleg_login_transaction (id, provider, state, nonce, code_verifier, redirect_uri, status,
                                                    created_at)
                VALUES (:id, :provider, :state, :nonce, :verifier, :redirect, 'PENDING', :at)""")
                .param("id", t.id()).param("provider", t.provider()).param("state", t.state()).param("nonce", t.nonce())
                .param("verifier", t.codeVerifier()).param("redirect", t.redirectUri().toString())
                .param("at", t.createdAt().atOffset(ZoneOffset.UTC)).update();
    }

    /** The pending login {@code id}, now marked used; empty if unknown or already used. */
    Optional<Transaction> use(String id) {
        if (id == null || jdbc.sql("UPDATE eleg_login_transaction SET status = 'USED' WHERE id = :id AND status = 'PENDING'")
                .param("id", id).update() != 1) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT id, provider, state, nonce, code_verifier, redirect_uri, created_at
                FROM eleg_login_transaction WHERE id = :id""")
                .param("id", id)
                .query((rs, i) -> new Transaction(rs.getString("id"), rs.getString("provider"), rs.getString("state"),
                        rs.getString("nonce"), rs.getString("code_verifier"), URI.create(rs.getString("redirect_uri")),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .optional();
    }
}
