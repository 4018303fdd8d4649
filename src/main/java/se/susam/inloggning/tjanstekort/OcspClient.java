package se.susam.inloggning.tjanstekort;

import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;

import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Asks an OCSP responder about one certificate (RFC 6960) and checks the answer: signed by the
 * issuing CA or by a responder it delegated to with id-kp-OCSPSigning (§4.2.2.2), about this
 * certificate, current (thisUpdate/nextUpdate, §4.2.2.1), and echoing our nonce if it echoes one
 * (RFC 8954).
 */
class OcspClient {

    private final RevocationTransport transport;
    private final Clock clock;
    private final Duration clockSkew;
    private final SecureRandom random = new SecureRandom();

    OcspClient(RevocationTransport transport, Clock clock, Duration clockSkew) {
        this.transport = transport;
        this.clock = clock;
        this.clockSkew = clockSkew;
    }

    RevocationStatus status(X509Certificate certificate, X509Certificate issuer, URI responder, Duration maxReuse) {
        try {
            CertificateID id = new CertificateID(
                    new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                    new JcaX509CertificateHolder(issuer), certificate.getSerialNumber());
            byte[] nonce = new byte[16];
            random.nextBytes(nonce);
            OCSPReq request = new OCSPReqBuilder().addRequest(id)
                    .setRequestExtensions(new Extensions(Extension.create(OCSPObjectIdentifiers.id_pkix_ocsp_nonce,
                            false, new DEROctetString(nonce))))
                    .build();
            OCSPResp response = new OCSPResp(transport.postOcsp(responder, request.getEncoded()));
            if (response.getStatus() != OCSPResp.SUCCESSFUL) {
                return new RevocationStatus.Unknown("OCSP response status " + response.getStatus());
            }
            if (!(response.getResponseObject() instanceof BasicOCSPResp basic)) {
                return new RevocationStatus.Unknown("OCSP response is not a basic response");
            }
            if (!signedByIssuerOrDelegate(basic, issuer)) {
                return new RevocationStatus.Unknown("OCSP response signature not from the issuer or its responder");
            }
            Extension echoed = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (echoed != null && !Arrays.equals(
                    org.bouncycastle.asn1.ASN1OctetString.getInstance(echoed.getParsedValue()).getOctets(), nonce)) {
                return new RevocationStatus.Unknown("OCSP nonce mismatch");
            }
            for (SingleResp single : basic.getResponses()) {
                if (single.getCertID().equals(id)) {
                    return interpret(single, maxReuse);
                }
            }
            return new RevocationStatus.Unknown("OCSP response does not cover the certificate");
        } catch (IOException e) {
            return new RevocationStatus.Unknown("OCSP responder unreachable: " + e.getClass().getSimpleName());
        } catch (OCSPException | OperatorCreationException | CertificateException | CertException
                 | RuntimeException e) {
            return new RevocationStatus.Unknown("OCSP response unusable: " + e.getClass().getSimpleName());
        }
    }

    private RevocationStatus interpret(SingleResp single, Duration maxReuse) {
        Instant now = clock.instant();
        Instant thisUpdate = single.getThisUpdate().toInstant();
        if (thisUpdate.isAfter(now.plus(clockSkew))) {
            return new RevocationStatus.Unknown("OCSP thisUpdate in the future");
        }
        Instant reusableUntil = now.plus(maxReuse);
        Date nextUpdate = single.getNextUpdate();
        if (nextUpdate != null) {
            if (nextUpdate.toInstant().isBefore(now.minus(clockSkew))) {
                return new RevocationStatus.Unknown("OCSP answer past its nextUpdate");
            }
            if (nextUpdate.toInstant().isBefore(reusableUntil)) {
                reusableUntil = nextUpdate.toInstant();
            }
        } else {
            // RFC 5019 §2.2.4: without nextUpdate newer information is always available; do not reuse.
            reusableUntil = now;
        }
        CertificateStatus status = single.getCertStatus();
        if (status == CertificateStatus.GOOD) {
            return new RevocationStatus.Good(reusableUntil);
        }
        if (status instanceof RevokedStatus revoked) {
            return new RevocationStatus.Revoked(revoked.getRevocationTime().toInstant(), reusableUntil);
        }
        return new RevocationStatus.Unknown("OCSP responder does not know the certificate");
    }

    private boolean signedByIssuerOrDelegate(BasicOCSPResp basic, X509Certificate issuer)
            throws OCSPException, OperatorCreationException, CertificateException, CertException {
        var verifiers = new JcaContentVerifierProviderBuilder();
        if (basic.isSignatureValid(verifiers.build(issuer.getPublicKey()))) {
            return true;
        }
        for (X509CertificateHolder holder : basic.getCerts()) {
            X509Certificate responder = new JcaX509CertificateConverter().getCertificate(holder);
            boolean delegated = holder.isSignatureValid(verifiers.build(issuer.getPublicKey()))
                    && responder.getExtendedKeyUsage() != null
                    && responder.getExtendedKeyUsage().contains(KeyPurposeId.id_kp_OCSPSigning.getId())
                    && holder.isValidOn(Date.from(clock.instant()));
            if (delegated && basic.isSignatureValid(verifiers.build(responder.getPublicKey()))) {
                return true;
            }
        }
        return false;
    }
}
