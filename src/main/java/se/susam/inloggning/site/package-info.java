/**
 * The public site (Susam.se): start page with "Logga in i SUS", the login method chooser and the
 * support pages around login.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Public site")
package se.susam.inloggning.site;
