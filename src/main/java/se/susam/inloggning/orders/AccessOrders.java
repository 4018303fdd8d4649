package se.susam.inloggning.orders;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import se.susam.inloggning.access.Organisation;
import se.susam.inloggning.access.OrganisationKind;
import se.susam.inloggning.access.Role;
import se.susam.inloggning.identity.Personnummer;
import se.susam.inloggning.identity.PhoneNumber;

/** Stores and reads orders (table {@code access_order}, V10). Callers hold the transaction. */
@Repository
class AccessOrders {

    private static final String SELECT = """
            SELECT a.*, o.org_number, o.name AS org_name, o.kind AS org_kind,
                   ob.given_name AS ob_given, ob.family_name AS ob_family,
                   db.given_name AS db_given, db.family_name AS db_family
            FROM access_order a JOIN organisation o ON o.id = a.organisation_id
            JOIN person ob ON ob.id = a.ordered_by LEFT JOIN person db ON db.id = a.decided_by
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    AccessOrders(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long insert(NewOrder order, long orderedBy) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("pnr", order.personnummer().value());
        params.put("given", order.givenName());
        params.put("family", order.familyName());
        params.put("email", order.email());
        params.put("mobile", order.mobile().map(PhoneNumber::e164).orElse(null));
        params.put("org", order.organisation().id());
        params.put("sms", order.smsLogin());
        params.put("from", order.validFrom());
        params.put("to", order.validTo());
        params.put("by", orderedBy);
        params.put("now", OffsetDateTime.now(clock));
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO access_order (personnummer, given_name, family_name, email, mobile_e164, organisation_id,
                                          sms_login, valid_from, valid_to, status, ordered_by, ordered_at)
                VALUES (:pnr, :given, :family, :email, :mobile, :org, :sms, :from, :to, 'PENDING', :by, :now)""")
                .params(params).update(keys, "id");
        long id = keys.getKey().longValue();
        for (Role role : order.roles()) {
            jdbc.sql("INSERT INTO access_order_role (order_id, role) VALUES (:id, :r)")
                    .param("id", id).param("r", role.name()).update();
        }
        return id;
    }

    /**
     * Locks the organisation's row until the transaction ends, so two submissions for one
     * organisation (on any node) check for pending orders one after the other.
     */
    void lockOrganisation(long organisationId) {
        jdbc.sql("SELECT id FROM organisation WHERE id = :id FOR UPDATE").param("id", organisationId)
                .query(Long.class).single();
    }

    Optional<AccessOrder> find(long id) {
        return list(SELECT + "WHERE a.id = :id", Map.of("id", id)).stream().findFirst();
    }

    /** The organisation's orders, newest first. */
    List<AccessOrder> ofOrganisation(long organisationId, int limit) {
        return list(SELECT + "WHERE a.organisation_id = :o ORDER BY a.ordered_at DESC, a.id DESC LIMIT :limit",
                Map.of("o", organisationId, "limit", limit));
    }

    /** Every pending order, oldest first: the administrator's queue. */
    List<AccessOrder> pending(int limit) {
        return list(SELECT + "WHERE a.status = 'PENDING' ORDER BY a.ordered_at, a.id LIMIT :limit",
                Map.of("limit", limit));
    }

    /** Approved and rejected orders, most recently decided first. */
    List<AccessOrder> recentlyDecided(int limit) {
        return list(SELECT + """
                WHERE a.status IN ('APPROVED', 'REJECTED') ORDER BY a.decided_at DESC, a.id DESC LIMIT :limit""",
                Map.of("limit", limit));
    }

    /** Pending orders for one person in one organisation. */
    List<AccessOrder> pendingFor(Personnummer personnummer, long organisationId) {
        return list(SELECT + "WHERE a.status = 'PENDING' AND a.personnummer = :pnr AND a.organisation_id = :o",
                Map.of("pnr", personnummer.value(), "o", organisationId));
    }

    /** The approved order that created a grant, if an order did. */
    Optional<Long> approvedOrderOf(long grantId) {
        return jdbc.sql("SELECT id FROM access_order WHERE grant_id = :g AND status = 'APPROVED'")
                .param("g", grantId).query(Long.class).optional();
    }

    /** Marks an order Ersatt; only a pending or approved one can be. */
    void supersede(long id, long byOrderId) {
        jdbc.sql("""
                UPDATE access_order SET status = 'SUPERSEDED', superseded_by = :by
                WHERE id = :id AND status IN ('PENDING', 'APPROVED')""")
                .param("by", byOrderId).param("id", id).update();
    }

    /**
     * Decides a pending order.
     *
     * @return false if it was no longer pending (someone decided it or a newer order replaced it)
     */
    boolean decide(long id, OrderStatus status, long decidedBy, String reason) {
        return jdbc.sql("""
                UPDATE access_order SET status = :s, decided_by = :by, decided_at = :now, reason = :reason
                WHERE id = :id AND status = 'PENDING'""")
                .param("s", status.name()).param("by", decidedBy).param("now", OffsetDateTime.now(clock))
                .param("reason", reason).param("id", id).update() == 1;
    }

    void linkGrant(long id, long grantId) {
        jdbc.sql("UPDATE access_order SET grant_id = :g WHERE id = :id").param("g", grantId).param("id", id).update();
    }

    void recordFirstPassword(long id, FirstPassword outcome) {
        jdbc.sql("UPDATE access_order SET first_password = :f, first_password_at = :now WHERE id = :id")
                .param("f", outcome.name()).param("now", OffsetDateTime.now(clock)).param("id", id).update();
    }

    private List<AccessOrder> list(String sql, Map<String, ?> params) {
        List<Row> rows = jdbc.sql(sql).params(params).query(AccessOrders::row).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, Set<Role>> roles = new HashMap<>();
        jdbc.sql("SELECT order_id, role FROM access_order_role WHERE order_id IN (:ids)")
                .param("ids", rows.stream().map(r -> r.id).toList())
                .query(rs -> {
                    roles.computeIfAbsent(rs.getLong(1), k -> EnumSet.noneOf(Role.class)).add(Role.valueOf(rs.getString(2)));
                });
        return rows.stream().map(r -> r.order(roles.getOrDefault(r.id, Set.of()))).toList();
    }

    /** A row before its roles are read. */
    private record Row(long id, Function<Set<Role>, AccessOrder> build) {

        AccessOrder order(Set<Role> roles) {
            return build.apply(roles);
        }
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        long id = rs.getLong("id");
        Personnummer pnr = new Personnummer(rs.getString("personnummer"));
        String given = rs.getString("given_name");
        String family = rs.getString("family_name");
        String email = rs.getString("email");
        Optional<PhoneNumber> mobile = Optional.ofNullable(rs.getString("mobile_e164")).map(PhoneNumber::new);
        Organisation organisation = new Organisation(rs.getLong("organisation_id"), rs.getString("org_number"),
                rs.getString("org_name"), OrganisationKind.valueOf(rs.getString("org_kind")));
        boolean sms = rs.getBoolean("sms_login");
        var from = rs.getObject("valid_from", LocalDate.class);
        var to = rs.getObject("valid_to", LocalDate.class);
        OrderStatus status = OrderStatus.valueOf(rs.getString("status"));
        long orderedBy = rs.getLong("ordered_by");
        String orderedByName = rs.getString("ob_given") + " " + rs.getString("ob_family");
        var orderedAt = rs.getObject("ordered_at", OffsetDateTime.class).toInstant();
        String decidedFamily = rs.getString("db_family");
        Optional<String> decidedByName = Optional.ofNullable(rs.getString("db_given")).map(g -> g + " " + decidedFamily);
        Optional<Instant> decidedAt = Optional.ofNullable(rs.getObject("decided_at", OffsetDateTime.class))
                .map(OffsetDateTime::toInstant);
        Optional<String> reason = Optional.ofNullable(rs.getString("reason"));
        Optional<Long> supersededBy = Optional.ofNullable(rs.getObject("superseded_by", Long.class));
        Optional<Long> grantId = Optional.ofNullable(rs.getObject("grant_id", Long.class));
        Optional<FirstPassword> firstPassword = Optional.ofNullable(rs.getString("first_password"))
                .map(FirstPassword::valueOf);
        return new Row(id, roles -> new AccessOrder(id, pnr, given, family, email, mobile, organisation, roles, sms,
                from, to, status, orderedBy, orderedByName, orderedAt, decidedByName, decidedAt, reason,
                supersededBy, grantId, firstPassword));
    }
}
