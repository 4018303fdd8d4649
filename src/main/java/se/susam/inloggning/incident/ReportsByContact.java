package se.susam.inloggning.incident;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.susam.inloggning.identity.PhoneNumber;

/**
 * The reports a person may have sent, for Kundcenter's person view. A report holds no
 * personnummer, only the contact details the reporter typed, so a person's reports are found by
 * their registered e-mail address (case-insensitive) or mobile number; a report sent with other
 * contact details, or only a name, cannot be tied to the person.
 */
@Component
public class ReportsByContact {

    private final JdbcClient jdbc;
    private final IncidentProperties properties;

    ReportsByContact(JdbcClient jdbc, IncidentProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** The newest reports sent with this e-mail address or this mobile number, newest first. */
    public List<ReportSummary> newest(String email, PhoneNumber mobile, int limit) {
        return jdbc.sql("""
                SELECT ticket_number, filed_at, error_code, login_method FROM incident_report
                WHERE LOWER(email) = LOWER(:email) OR phone_e164 = :phone
                ORDER BY filed_at DESC, id DESC LIMIT :limit""")
                .param("email", email == null ? "" : email.strip())
                .param("phone", mobile == null ? "" : mobile.e164())
                .param("limit", limit)
                .query((rs, i) -> new ReportSummary(rs.getString("ticket_number"),
                        rs.getObject("filed_at", java.time.OffsetDateTime.class)
                                .atZoneSameInstant(properties.timeZone()),
                        rs.getString("error_code"),
                        "incident.method." + ReportedMethod.valueOf(rs.getString("login_method")).name()))
                .list();
    }
}
