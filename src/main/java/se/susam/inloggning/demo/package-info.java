/**
 * Demo data, loaded only by the {@code demo} profile that {@code ./sus demo} runs: organisations,
 * persons with test personnummer, grants covering every access case, and master passwords listed
 * in the README. Also the persons of the SMS login load benchmark, loaded only by the
 * {@code bench} profile ({@code bench/sms-login.sh}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package se.susam.inloggning.demo;
