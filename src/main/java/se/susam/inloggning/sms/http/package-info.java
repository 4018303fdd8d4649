/**
 * The HTTP SMS operator client (46elks-style form API with basic auth, JDK HttpClient) and the
 * reading of its delivery reports. No Spring here; the callback endpoint lives in {@code sms}.
 */
package se.susam.inloggning.sms.http;
