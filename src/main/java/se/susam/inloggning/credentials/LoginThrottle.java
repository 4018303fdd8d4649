package se.susam.inloggning.credentials;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import se.susam.inloggning.identity.Personnummer;

/**
 * The per-account failure counter (NIST SP 800-63B §5.2.2). Failed passwords and wrong one-time
 * codes both count; only a completed login or customer service resets the counter. After
 * {@code freeAttempts} failures each further failure locks the account for a doubling wait (capped
 * at {@code maxWait}); at {@code permanentAfter} failures the lock stays until customer service
 * lifts it. Counters are keyed by the personnummer typed, registered or not.
 */
@Component
public class LoginThrottle {

    /** Whether a login may be tried now. */
    public sealed interface State {
        record Open(int failures) implements State {
        }

        record TemporarilyLocked(Instant until) implements State {
        }

        record Locked() implements State {
        }
    }

    private final JdbcClient jdbc;
    private final CredentialsProperties.Lockout policy;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, CredentialsProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.policy = properties.lockout();
        this.clock = clock;
    }

    public State state(Personnummer personnummer) {
        return row(personnummer).map(this::stateOf).orElse(new State.Open(0));
    }

    /**
     * The state and the failures counted since the last completed login or unlock (whether or not
     * they lock now), from one read, as customer service sees them.
     */
    public record Standing(State state, int failures) {
    }

    public Standing standing(Personnummer personnummer) {
        return row(personnummer).map(row -> new Standing(stateOf(row), row.failures()))
                .orElse(new Standing(new State.Open(0), 0));
    }

    /**
     * Counts a failure and returns the state it leads to. The row is locked while counting, so
     * failures arriving at the same moment on several nodes are all counted.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public State recordFailure(Personnummer personnummer) {
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO login_throttle (personnummer, failures, last_failure_at, locked_until, locked)
                VALUES (:p, 0, :now, NULL, FALSE) ON CONFLICT DO NOTHING""")
                .param("p", personnummer.value()).param("now", now.atOffset(ZoneOffset.UTC)).update();
        int failures = jdbc.sql("SELECT failures FROM login_throttle WHERE personnummer = :p FOR UPDATE")
                .param("p", personnummer.value()).query(Integer.class).single() + 1;
        boolean locked = failures >= policy.permanentAfter();
        Instant lockedUntil = failures > policy.freeAttempts() && !locked ? now.plus(waitAfter(failures)) : null;
        jdbc.sql("""
                UPDATE login_throttle SET failures = :failures, last_failure_at = :now, locked_until = :until,
                       locked = :locked WHERE personnummer = :p""")
                .param("failures", failures).param("now", now.atOffset(ZoneOffset.UTC))
                .param("until", lockedUntil == null ? null : lockedUntil.atOffset(ZoneOffset.UTC))
                .param("locked", locked).param("p", personnummer.value()).update();
        return state(personnummer);
    }

    /** Customer service unlocking or giving a new master password: the counter starts again from zero. */
    @Transactional
    public void reset(Personnummer personnummer) {
        jdbc.sql("DELETE FROM login_throttle WHERE personnummer = :p").param("p", personnummer.value()).update();
    }

    /**
     * A completed login: the counter starts again from zero. {@code seen} is the state the login
     * read; if it had no failure counted there is no row to delete (most logins: a statement and a
     * transaction saved). A failure counted since then, on another node, stays.
     */
    public void resetAfterLogin(Personnummer personnummer, State seen) {
        if (!(seen instanceof State.Open open && open.failures() == 0)) {
            reset(personnummer);
        }
    }

    /** The temporary lock after the given number of failures. */
    Duration waitAfter(int failures) {
        int doublings = Math.min(failures - policy.freeAttempts() - 1, 30);
        Duration wait = policy.firstWait().multipliedBy(1L << doublings);
        return wait.compareTo(policy.maxWait()) > 0 ? policy.maxWait() : wait;
    }

    private State stateOf(Row row) {
        if (row.locked()) {
            return new State.Locked();
        }
        if (row.lockedUntil() != null && row.lockedUntil().isAfter(clock.instant())) {
            return new State.TemporarilyLocked(row.lockedUntil());
        }
        return new State.Open(row.failures());
    }

    private Optional<Row> row(Personnummer personnummer) {
        return jdbc.sql("SELECT failures, locked_until, locked FROM login_throttle WHERE personnummer = :p")
                .param("p", personnummer.value())
                .query((rs, i) -> new Row(rs.getInt("failures"),
                        Optional.ofNullable(rs.getObject("locked_until", OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant).orElse(null),
                        rs.getBoolean("locked")))
                .optional();
    }

    private record Row(int failures, Instant lockedUntil, boolean locked) {
    }
}
