package se.susam.inloggning.incident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files reports as numbered tickets and reads them back for Kundcenter. Filing and the rate limit
 * are one transaction: the client address's row in {@code incident_rate_lock} is locked while the
 * recent reports are counted, so reports sent at the same moment to several nodes are all counted
 * and a refused report leaves nothing behind.
 */
@Component
class IncidentTickets {

    /** What became of a report. */
    sealed interface Filing {
        record Filed(TicketNumber number) implements Filing {
        }

        record RateLimited() implements Filing {
        }
    }

    private final JdbcClient jdbc;
    private final IncidentProperties properties;
    private final Clock clock;

    IncidentTickets(JdbcClient jdbc, IncidentProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    Filing file(IncidentReport report, String clientAddress) {
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO incident_rate_lock (client_address) VALUES (:a) ON CONFLICT DO NOTHING")
                .param("a", clientAddress).update();
        jdbc.sql("SELECT client_address FROM incident_rate_lock WHERE client_address = :a FOR UPDATE")
                .param("a", clientAddress).query(String.class).single();
        int recent = jdbc.sql("""
                SELECT COUNT(*) FROM incident_report WHERE client_address = :a AND filed_at > :since""")
                .param("a", clientAddress).param("since", utc(now.minus(properties.rateWindow())))
                .query(Integer.class).single();
        if (recent >= properties.reportsPerAddress()) {
            return new Filing.RateLimited();
        }
        long sequence = jdbc.sql("SELECT nextval('incident_report_number')").query(Long.class).single();
        TicketNumber number = new TicketNumber(now.atZone(properties.timeZone()).getYear(), sequence);
        jdbc.sql("""
                INSERT INTO incident_report (ticket_number, filed_at, reporter_group, kind, reporter_name, email,
                       phone_e164, organisation, login_method, error_code, correlation_id, occurred_at, description,
                       user_agent, client_address)
                VALUES (:number, :filed, :group, :kind, :name, :email, :phone, :organisation, :method, :code, :ref,
                        :occurred, :description, :browser, :address)""")
                .param("number", number.toString()).param("filed", utc(now))
                .param("group", report.group().name()).param("kind", report.kind().name())
                .param("name", report.name()).param("email", report.email()).param("phone", report.phone())
                .param("organisation", report.organisation()).param("method", report.method().name())
                .param("code", report.errorCode()).param("ref", report.reference())
                .param("occurred", utc(report.occurredAt())).param("description", report.description())
                .param("browser", report.browser()).param("address", clientAddress)
                .update();
        return new Filing.Filed(number);
    }

    /** One page of tickets, newest first. */
    List<Ticket> newest(int offset, int limit) {
        return jdbc.sql("SELECT * FROM incident_report ORDER BY filed_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("limit", limit).param("offset", offset)
                .query((rs, i) -> ticket(rs)).list();
    }

    Optional<Ticket> find(TicketNumber number) {
        return jdbc.sql("SELECT * FROM incident_report WHERE ticket_number = :number")
                .param("number", number.toString())
                .query((rs, i) -> ticket(rs)).optional();
    }

    private Ticket ticket(ResultSet rs) throws SQLException {
        return new Ticket(TicketNumber.parse(rs.getString("ticket_number")).orElseThrow(),
                local(rs, "filed_at"), ReporterGroup.valueOf(rs.getString("reporter_group")),
                ReportKind.valueOf(rs.getString("kind")), rs.getString("reporter_name"), rs.getString("email"),
                rs.getString("phone_e164"), rs.getString("organisation"),
                ReportedMethod.valueOf(rs.getString("login_method")), rs.getString("error_code"),
                rs.getString("correlation_id"), local(rs, "occurred_at"), rs.getString("description"),
                rs.getString("user_agent"));
    }

    private java.time.ZonedDateTime local(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).atZoneSameInstant(properties.timeZone());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
