package se.susam.inloggning.smslogin;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.susam.inloggning.identity.Personnummer;
import se.susam.inloggning.identity.PhoneNumber;

/**
 * Login transactions between step 1 and step 2, in the database. State changes are conditional
 * updates ({@code WHERE status = 'PENDING'}), so two nodes or two tabs cannot both complete or
 * both count the same transaction.
 */
@Repository
class SmsLoginTransactions {

    enum Status { PENDING, COMPLETED, VOIDED }

    record Transaction(String id, long personId, Personnummer personnummer, PhoneNumber mobile, String codeHash,
                       Instant codeExpiresAt, int wrongAttempts, Status status, Instant lastSentAt) {
    }

    private final JdbcClient jdbc;

    SmsLoginTransactions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void create(String id, long personId, PhoneNumber mobile, String codeHash, Instant expiresAt, Instant now) {
        jdbc.sql("""
                INSERT INTO sms_login_transaction (id, person_id, mobile_e164, code_hash, code_expires_at,
                                                   wrong_attempts, status, created_at, last_sent_at)
                VALUES (:id, :p, :m, :h, :exp, 0, 'PENDING', :now, :now)""")
                .param("id", id).param("p", personId).param("m", mobile.e164()).param("h", codeHash)
                .param("exp", utc(expiresAt)).param("now", utc(now)).update();
    }

    Optional<Transaction> find(String id) {
        return jdbc.sql("""
                SELECT t.id, t.person_id, p.personnummer, t.mobile_e164, t.code_hash, t.code_expires_at,
                       t.wrong_attempts, t.status, t.last_sent_at
                FROM sms_login_transaction t JOIN person p ON p.id = t.person_id WHERE t.id = :id""")
                .param("id", id)
                .query((rs, i) -> new Transaction(rs.getString("id"), rs.getLong("person_id"),
                        new Personnummer(rs.getString("personnummer")), new PhoneNumber(rs.getString("mobile_e164")),
                        rs.getString("code_hash"), rs.getObject("code_expires_at", OffsetDateTime.class).toInstant(),
                        rs.getInt("wrong_attempts"), Status.valueOf(rs.getString("status")),
                        rs.getObject("last_sent_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** Counts a wrong code; returns the attempts now counted, or empty if the transaction is no longer pending. */
    Optional<Integer> countWrongCode(String id) {
        int updated = jdbc.sql("""
                UPDATE sms_login_transaction SET wrong_attempts = wrong_attempts + 1
                WHERE id = :id AND status = 'PENDING'""").param("id", id).update();
        if (updated == 0) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT wrong_attempts FROM sms_login_transaction WHERE id = :id")
                .param("id", id).query(Integer.class).optional();
    }

    /** Moves a pending transaction to {@code status}; false if it was no longer pending. */
    boolean finish(String id, Status status) {
        return jdbc.sql("UPDATE sms_login_transaction SET status = :s WHERE id = :id AND status = 'PENDING'")
                .param("s", status.name()).param("id", id).update() == 1;
    }

    /** Replaces the code of a pending transaction (a resend); false if no longer pending. */
    boolean replaceCode(String id, String codeHash, Instant expiresAt, Instant now) {
        return jdbc.sql("""
                UPDATE sms_login_transaction SET code_hash = :h, code_expires_at = :exp, last_sent_at = :now
                WHERE id = :id AND status = 'PENDING'""")
                .param("h", codeHash).param("exp", utc(expiresAt)).param("now", utc(now)).param("id", id)
                .update() == 1;
    }

    void recordDispatch(long personId, Instant at) {
        jdbc.sql("INSERT INTO sms_code_dispatch (person_id, sent_at) VALUES (:p, :at)")
                .param("p", personId).param("at", utc(at)).update();
    }

    int dispatchesSince(long personId, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM sms_code_dispatch WHERE person_id = :p AND sent_at > :since")
                .param("p", personId).param("since", utc(since)).query(Integer.class).single();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
