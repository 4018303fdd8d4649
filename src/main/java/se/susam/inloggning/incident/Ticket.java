package se.susam.inloggning.incident;

import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A filed report as Kundcenter reads it, times in Swedish time.
 *
 * @param phone     E.164, or {@code null}
 * @param errorCode the code the user saw, or {@code null}
 * @param reference the correlation id the user saw, or {@code null}
 * @param browser   the User-Agent, or {@code null}
 */
record Ticket(TicketNumber number, ZonedDateTime filedAt, ReporterGroup group, ReportKind kind, String name,
              String email, String phone, String organisation, ReportedMethod method, String errorCode,
              String reference, ZonedDateTime occurredAt, String description, String browser) {

    /** "Chrome 131, Windows" for the browser, when it is one we know. */
    public Optional<String> browserName() {
        return BrowserDescription.of(browser);
    }
}
