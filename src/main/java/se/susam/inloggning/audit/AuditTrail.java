package se.susam.inloggning.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.susam.inloggning.identity.Personnummer;

/** Stores published {@link AuditRecord}s and reads a person's trail back. */
@Component
public class AuditTrail {

    private final JdbcClient jdbc;

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(AuditRecord record) {
        jdbc.sql("""
                INSERT INTO audit_event (occurred_at, event_type, method, outcome, error_code, personnummer,
                                         actor, client_ip, correlation_id, details)
                VALUES (:at, :type, :method, :outcome, :code, :pnr, :actor, :ip, :cid, :details)""")
                .param("at", record.occurredAt().atOffset(ZoneOffset.UTC))
                .param("type", record.type())
                .param("method", record.method())
                .param("outcome", record.outcome())
                .param("code", record.errorCode())
                .param("pnr", record.subject() == null ? null : record.subject().value())
                .param("actor", record.actor())
                .param("ip", record.clientIp())
                .param("cid", record.correlationId())
                .param("details", record.details())
                .update();
    }

    /** The newest records about a person, newest first. */
    public List<AuditRecord> recentFor(Personnummer subject, int limit) {
        return jdbc.sql("""
                SELECT occurred_at, event_type, method, outcome, error_code, personnummer, actor, client_ip,
                       correlation_id, details
                FROM audit_event WHERE personnummer = :pnr ORDER BY occurred_at DESC, id DESC LIMIT :limit""")
                .param("pnr", subject.value())
                .param("limit", limit)
                .query((rs, i) -> new AuditRecord(
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        rs.getString("event_type"), rs.getString("method"), rs.getString("outcome"),
                        rs.getString("error_code"),
                        rs.getString("personnummer") == null ? null : new Personnummer(rs.getString("personnummer")),
                        rs.getString("actor"), rs.getString("client_ip"), rs.getString("correlation_id"),
                        rs.getString("details")))
                .list();
    }
}
