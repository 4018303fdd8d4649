/**
 * Demo data, loaded only by the {@code demo} profile that {@code ./sus demo} runs: organisations,
 * persons with test personnummer, grants covering every access case, and master passwords listed
 * in the README.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package se.susam.inloggning.demo;
