package se.susam.inloggning.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
        return search(Optional.of(subject), Optional.empty(), limit);
    }

    /** The newest records, newest first, optionally only about one person and of one type. */
    public List<AuditRecord> search(Optional<Personnummer> subject, Optional<String> type, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("limit", limit);
        StringBuilder where = new StringBuilder("WHERE 1 = 1");
        subject.ifPresent(p -> {
            where.append(" AND personnummer = :pnr");
            params.put("pnr", p.value());
        });
        type.ifPresent(t -> {
            where.append(" AND event_type = :type");
            params.put("type", t);
        });
        return jdbc.sql("""
                SELECT occurred_at, event_type, method, outcome, error_code, personnummer, actor, client_ip,
                       correlation_id, details
                FROM audit_event %s ORDER BY occurred_at DESC, id DESC LIMIT :limit""".formatted(where))
                .params(params)
                .query((rs, i) -> new AuditRecord(
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        rs.getString("event_type"), rs.getString("method"), rs.getString("outcome"),
                        rs.getString("error_code"),
                        rs.getString("personnummer") == null ? null : new Personnummer(rs.getString("personnummer")),
                        rs.getString("actor"), rs.getString("client_ip"), rs.getString("correlation_id"),
                        rs.getString("details")))
                .list();
    }

    /**
     * The event types recorded so far, for a filter. A skip scan of {@code audit_event_type}: one
     * index lookup per type ("the smallest type after the last one"), instead of reading every row of
     * the trail as {@code SELECT DISTINCT} did.
     */
    public List<String> eventTypes() {
        return jdbc.sql("""
                WITH RECURSIVE types (event_type) AS (
                    SELECT MIN(event_type) FROM audit_event
                    UNION ALL
                    SELECT (SELECT MIN(a.event_type) FROM audit_event a WHERE a.event_type > t.event_type)
                    FROM types t WHERE t.event_type IS NOT NULL)
                SELECT event_type FROM types WHERE event_type IS NOT NULL ORDER BY event_type""")
                .query(String.class).list();
    }
}
