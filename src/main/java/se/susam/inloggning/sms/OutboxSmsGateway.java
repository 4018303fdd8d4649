package se.susam.inloggning.sms;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import se.susam.inloggning.identity.PhoneNumber;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import se.susam.inloggning.identity.PhoneNumber;

/**
 * The demo gateway: stores each message in the database instead of sending it, so the demo and the
 * tests can read it back (and any node sees what another node sent).
 */
public class OutboxSmsGateway implements SmsGateway {

    /** A stored message as {@code /dev/sms/outbox.json} shows it. */
    public record OutboxMessage(String to, String text, boolean flash, Instant sentAt) {

        /** Never the number or the text: framework debug logging prints response bodies. */
        @Override
        public String toString() {
            return "OutboxMessage[to=" + new PhoneNumber(to).masked() + ", flash=" + flash + ", sentAt=" + sentAt + "]";
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public OutboxSmsGateway(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void send(SmsMessage message) {
        jdbc.sql("INSERT INTO sms_outbox (to_e164, text, flash, sent_at) VALUES (:to, :text, :flash, :at)")
                .param("to", message.to().e164()).param("text", message.text()).param("flash", message.flash())
                .param("at", OffsetDateTime.now(clock)).update();
    }

    /** The newest messages first. */
    public List<OutboxMessage> newest(int limit) {
        return jdbc.sql("SELECT to_e164, text, flash, sent_at FROM sms_outbox ORDER BY id DESC LIMIT :n")
                .param("n", limit).query(OutboxSmsGateway::message).list();
    }

    /** The newest messages to one number first, so a reader among many concurrent logins finds its own. */
    public List<OutboxMessage> newestTo(PhoneNumber to, int limit) {
        return jdbc.sql("""
                SELECT to_e164, text, flash, sent_at FROM sms_outbox WHERE to_e164 = :to ORDER BY id DESC LIMIT :n""")
                .param("to", to.e164()).param("n", limit).query(OutboxSmsGateway::message).list();
    }

    private static OutboxMessage message(ResultSet rs, int row) throws SQLException {
        return new OutboxMessage(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                rs.getObject(4, OffsetDateTime.class).toInstant());
    }
}
