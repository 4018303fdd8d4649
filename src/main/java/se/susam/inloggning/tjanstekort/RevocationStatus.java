package se.susam.inloggning.tjanstekort;

import java.time.Instant;

/** The revocation status of one certificate as an OCSP responder or a CRL states it. */
sealed interface RevocationStatus {

    /** Not revoked, according to an answer that may be reused until {@code reusableUntil}. */
    record Good(Instant reusableUntil) implements RevocationStatus {
    }

    /** Revoked at {@code revokedAt}. */
    record Revoked(Instant revokedAt, Instant reusableUntil) implements RevocationStatus {
    }

    /** Could not be determined: responder down, bad answer, "unknown", stale CRL. */
    record Unknown(String why) implements RevocationStatus {
    }
}
