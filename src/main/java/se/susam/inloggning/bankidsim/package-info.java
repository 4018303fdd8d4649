/**
 * A BankID simulator for the demo profile (SPEC §5): the RP API v6.0 under
 * {@code /dev/bankid/rp/v6.0/} speaking BankID's JSON, errors and timing, to which the demo
 * configuration points the real RP API client, and a page at {@code /dev/bankid/app} where a tester
 * acts as the BankID app: reads the animated QR code (checked with the real HMAC) or follows the
 * autostart link, picks a test person, identifies or cancels, and sets scenarios (alreadyInProgress,
 * maintenance, slow answers, certificateErr, startFailed, expiredTransaction). Never active outside
 * the demo and test profiles.
 */
@org.springframework.modulith.ApplicationModule(displayName = "BankID simulator (demo)")
package se.susam.inloggning.bankidsim;
