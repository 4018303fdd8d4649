/**
 * Felanmälan: the incident report form on the public site, prefilled from the error page the user
 * came from, routed by who the user works for (Försäkringskassan's staff report to Helpdesk,
 * everyone else to Kundcenter för partner), stored as a numbered ticket, rate limited per client
 * address, and listed for Kundcenter in the console. Nothing here depends on a login method.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Felanmälan (incident reports)")
package se.susam.inloggning.incident;
