package se.susam.inloggning.servicestatus;

import java.time.Instant;
import java.util.Optional;

/**
 * A published notice.
 *
 * @param affected       SUS as a whole or one login method
 * @param susUnavailable while current, login answers 503 with this notice
 * @param endsAt         empty while the end is not known (an ongoing disruption)
 */
public record ServiceNotice(long id, String title, String body, Kind kind, Affected affected, boolean susUnavailable,
                            Instant startsAt, Optional<Instant> endsAt, Instant createdAt) {

    /** The kinds of notice the Driftinformation page groups by. */
    public enum Kind { INFORMATION, PLANERAT_UNDERHALL, DRIFTSTORNING }

    /** What a notice is about: SUS as a whole, or one login method. */
    public enum Affected { SUS, SMS, BANKID, TJANSTEKORT, E_LEGITIMATION }

    public boolean isCurrent(Instant now) {
        return !startsAt.isAfter(now) && endsAt.map(now::isBefore).orElse(true);
    }

    public boolean isPlanned(Instant now) {
        return startsAt.isAfter(now);
    }

    /** Whether the notice belongs on the page of {@code method} (notices about all of SUS do). */
    public boolean concerns(Affected method) {
        return affected == Affected.SUS || affected == method;
    }
}
