package se.susam.inloggning.bankid;

import java.util.List;

/**
 * The {@code requirement} object of {@code /auth} and {@code /phone/auth} (RP API v6.0). Every
 * field is optional; {@code null} leaves BankID's default.
 *
 * @param pinCode             true: the user must confirm with the security code, not biometrics
 * @param mrtd                true: the user must also scan a passport or national ID card (hint
 *                            {@code userMrtd} while it happens)
 * @param cardReader          {@code class1} or {@code class2}, for BankID on card
 * @param certificatePolicies OIDs of the BankID types allowed, e.g. {@code 1.2.752.78.1.5} (Mobilt
 *                            BankID) in production or {@code 1.2.3.4.25} in the test environment
 * @param personalNumber      only this person (12 digits) may complete the order
 */
public record Requirement(Boolean pinCode, Boolean mrtd, String cardReader, List<String> certificatePolicies,
                          String personalNumber) {

    public Requirement {
        certificatePolicies = certificatePolicies == null ? null : List.copyOf(certificatePolicies);
    }

    /** No requirement beyond BankID's defaults. */
    public static Requirement none() {
        return new Requirement(null, null, null, null, null);
    }

    public boolean isEmpty() {
        return pinCode == null && mrtd == null && cardReader == null && certificatePolicies == null
                && personalNumber == null;
    }

    @Override
    public String toString() {
        return "Requirement[pinCode=" + pinCode + ", mrtd=" + mrtd + ", cardReader=" + cardReader
                + ", certificatePolicies=" + certificatePolicies + ", personalNumber="
                + (personalNumber == null ? null : "************") + "]";
    }
}
