/**
 * Who someone is: the {@link se.susam.inloggning.identity.Personnummer} every login method ends
 * in, and phone numbers in E.164. Values only; nothing here knows the web or the database.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity values")
package se.susam.inloggning.identity;
