package se.susam.inloggning.tjanstekort;

import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.function.Function;

import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaBasicOCSPRespBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * An OCSP responder (RFC 6960) for a {@link DemoCa}: answers signed by the CA itself, good,
 * revoked or unknown as {@code statusOf} says, echoing the request's nonce (RFC 8954), valid for
 * {@code validity}. The demo serves it over HTTP at {@code /dev/ocsp/{issuer}}; the tests on a
 * local HTTP server. Never for real cards.
 */
final class OcspResponder {

    /** What the responder says about a serial number. */
    enum Answer { GOOD, REVOKED, UNKNOWN }

    private final DemoCa ca;
    private final Function<BigInteger, Answer> statusOf;
    private final Duration validity;

    OcspResponder(DemoCa ca, Function<BigInteger, Answer> statusOf, Duration validity) {
        this.ca = ca;
        this.statusOf = statusOf;
        this.validity = validity;
    }

    byte[] respond(byte[] requestBytes) {
        try {
            OCSPReq request;
            try {
                request = new OCSPReq(requestBytes);
            } catch (IOException e) {
                return new OCSPRespBuilder().build(OCSPRespBuilder.MALFORMED_REQUEST, null).getEncoded();
            }
            X509CertificateHolder issuer = new JcaX509CertificateHolder(ca.certificate());
            var digests = new JcaDigestCalculatorProviderBuilder().build();
            Instant now = Instant.now();
            JcaBasicOCSPRespBuilder builder = new JcaBasicOCSPRespBuilder(ca.certificate().getPublicKey(),
                    digests.get(org.bouncycastle.cert.ocsp.CertificateID.HASH_SHA1));
            for (Req single : request.getRequestList()) {
                Answer answer = single.getCertID().matchesIssuer(issuer, digests)
                        ? statusOf.apply(single.getCertID().getSerialNumber()) : Answer.UNKNOWN;
                CertificateStatus status = switch (answer) {
                    case GOOD -> CertificateStatus.GOOD;
                    case REVOKED -> new RevokedStatus(Date.from(now.minus(Duration.ofHours(1))), CRLReason.keyCompromise);
                    case UNKNOWN -> new UnknownStatus();
                };
                builder.addResponse(single.getCertID(), status, Date.from(now), Date.from(now.plus(validity)), null);
            }
            Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonce != null) {
                builder.setResponseExtensions(new Extensions(nonce));
            }
            BasicOCSPResp basic = builder.build(DemoCa.signer(ca.privateKey()), null, Date.from(now));
            return new OCSPRespBuilder().build(OCSPResp.SUCCESSFUL, basic).getEncoded();
        } catch (OCSPException | OperatorCreationException | CertificateEncodingException | IOException e) {
            throw new IllegalStateException("OCSP response could not be built", e);
        }
    }
}
