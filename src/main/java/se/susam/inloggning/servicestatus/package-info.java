/**
 * Driftinformation (SPEC §3.1): notices of planned maintenance and disruptions, shown as banners,
 * on their own page, as an Atom feed and JSON. A current notice that marks SUS unavailable puts
 * login into maintenance (HTTP 503) while the support pages stay up. Kundcenter publishes them in
 * the console.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Driftinformation")
package se.susam.inloggning.servicestatus;
