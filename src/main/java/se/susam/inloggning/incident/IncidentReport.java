package se.susam.inloggning.incident;

import java.time.Instant;

/**
 * A checked report, ready to be filed. Built only by {@link IncidentForm#check}.
 *
 * @param phone      E.164, or {@code null} when none was given
 * @param errorCode  the code the user saw ({@code SMS-003}), or {@code null}
 * @param reference  the correlation id ("Referens") the error page showed, or {@code null}
 * @param occurredAt when the problem happened, as the user gave it
 * @param browser    the browser's User-Agent when the report was sent, shortened to 500 characters
 */
record IncidentReport(ReporterGroup group, ReportKind kind, String name, String email, String phone,
                      String organisation, ReportedMethod method, String errorCode, String reference,
                      Instant occurredAt, String description, String browser) {
}
