/**
 * SUS as this product sees it: the page a person lands on inside SUS after login, showing who
 * they are, their organisations and roles, the login method used, and "Logga ut". The real SUS
 * relies on the OpenID Connect provider instead.
 */
@org.springframework.modulith.ApplicationModule(displayName = "SUS portal")
package se.susam.inloggning.portal;
