/**
 * The access registry (behörigheter): organisations, persons, their access grants with roles and
 * dates, and the access gate that every login passes after the personnummer is proven. Access is
 * tied to the personnummer, never to a login method (SPEC §3.3).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access registry")
package se.susam.inloggning.access;
