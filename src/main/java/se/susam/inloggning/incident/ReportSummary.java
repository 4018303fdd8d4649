package se.susam.inloggning.incident;

import java.time.ZonedDateTime;

/**
 * One incident report as Kundcenter's person view lists it, times in Swedish time.
 *
 * @param number         the ticket number, which opens the report in the console
 * @param errorCode      the code the user saw, or {@code null}
 * @param loginMethodKey the message key naming the login method the report is about
 */
public record ReportSummary(String number, ZonedDateTime filedAt, String errorCode, String loginMethodKey) {
}
