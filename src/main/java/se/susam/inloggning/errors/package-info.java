/**
 * The one registry of error codes. Every message a user can see has a stable code here with its
 * Swedish and English text, cause and remedy ({@code messages*.properties}); error pages, logs,
 * metrics and the "Vanliga felmeddelanden" catalogue all read it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Error codes")
package se.susam.inloggning.errors;
