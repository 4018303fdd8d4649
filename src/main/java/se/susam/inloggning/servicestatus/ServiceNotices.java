package se.susam.inloggning.servicestatus;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.susam.inloggning.audit.AuditRecord;
import se.susam.inloggning.errors.CorrelationId;

/**
 * Stores notices and answers which are current, planned and past. Reads go to the database on
 * each call: notices are few, and every node must see a published notice at once.
 */
@Service
public class ServiceNotices {

    private static final String COLUMNS =
            "id, title, body, kind, affected, sus_unavailable, starts_at, ends_at, created_at";

    static final java.time.Duration BANNER_TTL = java.time.Duration.ofSeconds(5);

    private record Snapshot(Instant readAt, List<ServiceNotice> notices) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final java.util.concurrent.atomic.AtomicReference<Snapshot> bannerCache =
            new java.util.concurrent.atomic.AtomicReference<>();

    ServiceNotices(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /** Current notices, newest first. */
    public List<ServiceNotice> current() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM service_notice WHERE starts_at <= :now "
                        + "AND (ends_at IS NULL OR ends_at > :now) ORDER BY starts_at DESC")
                .param("now", now()).query(ServiceNotices::notice).list();
    }

    /** Notices that start later, soonest first. */
    public List<ServiceNotice> planned() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM service_notice WHERE starts_at > :now ORDER BY starts_at")
                .param("now", now()).query(ServiceNotices::notice).list();
    }

    /** Ended notices, most recently ended first. */
    public List<ServiceNotice> past(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM service_notice WHERE ends_at <= :now "
                        + "ORDER BY ends_at DESC LIMIT :n")
                .param("now", now()).param("n", limit).query(ServiceNotices::notice).list();
    }

    /**
     * Current notices for banners and the maintenance check, read at most once per
     * {@link #BANNER_TTL} per node: these run on every page view, a notice may show a few seconds late.
     */
    public List<ServiceNotice> currentForBanners() {
        Snapshot snapshot = bannerCache.get();
        Instant now = clock.instant();
        if (snapshot == null || now.isAfter(snapshot.readAt().plus(BANNER_TTL)) || now.isBefore(snapshot.readAt())) {
            snapshot = new Snapshot(now, current());
            bannerCache.set(snapshot);
        }
        return snapshot.notices().stream().filter(n -> n.isCurrent(now)).toList();
    }

    /** The current notice that puts login into maintenance, if any. */
    public Optional<ServiceNotice> susUnavailable() {
        return currentForBanners().stream().filter(ServiceNotice::susUnavailable).findFirst();
    }

    @Transactional
    ServiceNotice publish(NoticeForm.Valid notice, String actor, String clientIp) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO service_notice (title, body, kind, affected, sus_unavailable, starts_at, ends_at,
                                            created_by, created_at)
                VALUES (:title, :body, :kind, :affected, :unavailable, :starts, :ends, :by, :now)""")
                .param("title", notice.title()).param("body", notice.body()).param("kind", notice.kind().name())
                .param("affected", notice.affected().name()).param("unavailable", notice.susUnavailable())
                .param("starts", utc(notice.startsAt()))
                .param("ends", notice.endsAt().map(ServiceNotices::utc).orElse(null))
                .param("by", actor).param("now", now())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        bannerCache.set(null);
        audit("NOTICE_PUBLISHED", actor, clientIp, "notice " + id + " " + notice.kind() + " " + notice.affected()
                + (notice.susUnavailable() ? " SUS unavailable" : ""));
        return find(id).orElseThrow();
    }

    /** Ends a notice now (a disruption is over); false if it had already ended. */
    @Transactional
    boolean endNow(long id, String actor, String clientIp) {
        int updated = jdbc.sql("""
                UPDATE service_notice SET ends_at = :now
                WHERE id = :id AND (ends_at IS NULL OR ends_at > :now) AND starts_at < :now""")
                .param("now", now()).param("id", id).update();
        if (updated == 1) {
            bannerCache.set(null);
            audit("NOTICE_ENDED", actor, clientIp, "notice " + id);
        }
        return updated == 1;
    }

    Optional<ServiceNotice> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM service_notice WHERE id = :id").param("id", id)
                .query(ServiceNotices::notice).optional();
    }

    private void audit(String type, String actor, String clientIp, String details) {
        events.publishEvent(new AuditRecord(clock.instant(), type, null, "SUCCESS", null, null, actor, clientIp,
                CorrelationId.current(), details));
    }

    private OffsetDateTime now() {
        return utc(clock.instant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static ServiceNotice notice(ResultSet rs, int row) throws SQLException {
        return new ServiceNotice(rs.getLong("id"), rs.getString("title"), rs.getString("body"),
                ServiceNotice.Kind.valueOf(rs.getString("kind")), ServiceNotice.Affected.valueOf(rs.getString("affected")),
                rs.getBoolean("sus_unavailable"), rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
                Optional.ofNullable(rs.getObject("ends_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
