package se.susam.inloggning.tjanstekort;

import java.math.BigInteger;
import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

import se.susam.inloggning.audit.AuditRecord;
import se.susam.inloggning.errors.CorrelationId;
import se.susam.inloggning.errors.ErrorCode;
import se.susam.inloggning.identity.Personnummer;
import se.susam.inloggning.login.AuthenticatedIdentity;

/**
 * A tjänstekort login attempt: the presented certificate checked against the issuer's trust
 * settings, every outcome audited ({@code LOGIN_CERTIFICATE}). Knows no HTTP. Logs carry the
 * certificate's serial number and issuer, never its subject or the personnummer.
 */
class CertificateLoginService {

    private static final Logger log = LoggerFactory.getLogger(CertificateLoginService.class);
    private static final String AUDIT_TYPE = "LOGIN_CERTIFICATE";

    private final CertificateValidator validator;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CertificateLoginService(CertificateValidator validator, ApplicationEventPublisher events, Clock clock) {
        this.validator = validator;
        this.events = events;
        this.clock = clock;
    }

    CertificateLoginResult authenticate(IssuerTrust trust, PresentedCertificate presented, String clientIp) {
        CertificateCheck check = switch (presented) {
            case PresentedCertificate.Chain chain -> validator.check(chain.certificates(), trust);
            case PresentedCertificate.None none -> validator.check(List.of(), trust);
            case PresentedCertificate.Unreadable unreadable -> new CertificateCheck.Rejected(
                    CertificateRejection.UNREADABLE, null, null, "certificate could not be parsed");
        };
        String channel = switch (presented) {
            case PresentedCertificate.Chain chain -> chain.channel().name();
            case PresentedCertificate.Unreadable unreadable -> unreadable.channel().name();
            case PresentedCertificate.None none -> "NONE";
        };
        return switch (check) {
            case CertificateCheck.Valid valid -> {
                String details = details(trust, valid.serialNumber(), channel)
                        + (valid.revocationUnknown() ? " revocation unknown, accepted: fail-open" : "");
                audit(trust, "SUCCESS", null, valid.personnummer(), clientIp, details);
                yield new CertificateLoginResult.Authenticated(
                        new AuthenticatedIdentity(valid.personnummer(), trust.loginMethod(), clock.instant()));
            }
            case CertificateCheck.Rejected rejected -> {
                ErrorCode code = rejected.reason().code();
                String details = details(trust, rejected.serialNumber(), channel) + " " + rejected.detail();
                log.info("Tjänstekort login refused with {}: {}", code.code(), details);
                audit(trust, "FAILURE", code, rejected.personnummer(), clientIp, details);
                yield new CertificateLoginResult.Rejected(code);
            }
        };
    }

    private static String details(IssuerTrust trust, BigInteger serial, String channel) {
        return "issuer=" + trust.key() + " via=" + channel + (serial == null ? "" : " serial=" + serial.toString(16));
    }

    private void audit(IssuerTrust trust, String outcome, ErrorCode code, Personnummer personnummer, String clientIp,
                       String details) {
        events.publishEvent(new AuditRecord(clock.instant(), AUDIT_TYPE, trust.loginMethod().name(), outcome,
                code == null ? null : code.code(), personnummer, personnummer == null ? null : personnummer.masked(),
                clientIp, CorrelationId.current(), details.length() > 500 ? details.substring(0, 500) : details));
    }
}
