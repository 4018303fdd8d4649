package se.susam.inloggning.errors;

/**
 * An error as a page shows it: the code, its message in the user's language, the correlation id
 * of the request, and the link to the code's entry in "Vanliga felmeddelanden".
 *
 * @param field the form field the error belongs to, or {@code null} for the whole page
 */
public record ShownError(String code, String message, String correlationId, String catalogueUrl, String field) {
}
