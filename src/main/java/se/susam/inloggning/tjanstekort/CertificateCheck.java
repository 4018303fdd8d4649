package se.susam.inloggning.tjanstekort;

import java.math.BigInteger;

import se.susam.inloggning.identity.Personnummer;

/** What {@link CertificateValidator} concluded about a presented certificate. */
sealed interface CertificateCheck {

    /**
     * The certificate is valid for login and names this personnummer.
     *
     * @param revocationUnknown true only when revocation could not be determined and the
     *                          configuration is fail-open
     */
    record Valid(Personnummer personnummer, BigInteger serialNumber, boolean revocationUnknown)
            implements CertificateCheck {
    }

    /**
     * Refused. {@code serialNumber} is the card certificate's serial when there was one;
     * {@code personnummer} is known (else {@code null}) when the refusal came after it was read;
     * {@code detail} says what was wrong for the audit trail, free of personal data.
     */
    record Rejected(CertificateRejection reason, BigInteger serialNumber, Personnummer personnummer, String detail)
            implements CertificateCheck {
    }
}
