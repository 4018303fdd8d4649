package se.susam.inloggning.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the console's access administration reads and changes beside {@link AccessRegistry}: the
 * organisation a beställare orders for, the grants of one organisation, and withdrawal.
 */
@Repository
public class GrantAdministration {

    /** A grant with the person it belongs to. */
    public record HeldGrant(Person person, AccessGrant grant) {
    }

    private final JdbcClient jdbc;
    private final AccessRegistry registry;
    private final Clock clock;

    GrantAdministration(JdbcClient jdbc, AccessRegistry registry, Clock clock) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.clock = clock;
    }

    /** The organisation a beställare orders for, if the person holds that role. */
    public Optional<Organisation> ordererOrganisation(long personId) {
        return jdbc.sql("""
                SELECT o.id, o.org_number, o.name, o.kind FROM staff_role s JOIN organisation o ON o.id = s.organisation_id
                WHERE s.person_id = :p AND s.role = :r""")
                .param("p", personId).param("r", StaffRole.BESTALLARE.name())
                .query(GrantAdministration::organisation).optional();
    }

    public Optional<Organisation> findOrganisation(long organisationId) {
        return jdbc.sql("SELECT id, org_number, name, kind FROM organisation WHERE id = :id")
                .param("id", organisationId).query(GrantAdministration::organisation).optional();
    }

    /** Every organisation, by name. */
    public List<Organisation> organisations() {
        return jdbc.sql("SELECT id, org_number, name, kind FROM organisation ORDER BY name, id")
                .query(GrantAdministration::organisation).list();
    }

    public Optional<HeldGrant> findGrant(long grantId) {
        return jdbc.sql("SELECT person_id FROM access_grant WHERE id = :id").param("id", grantId)
                .query(Long.class).optional()
                .flatMap(personId -> held(personId, grantId));
    }

    /** The organisation's grants that are active and not yet expired on {@code day}, by name. */
    public List<HeldGrant> activeGrants(long organisationId, LocalDate day) {
        return jdbc.sql("""
                SELECT g.id, g.person_id FROM access_grant g JOIN person p ON p.id = g.person_id
                WHERE g.organisation_id = :o AND g.status = 'ACTIVE' AND g.valid_to >= :day
                ORDER BY p.family_name, p.given_name, g.id""")
                .param("o", organisationId).param("day", day)
                .query((rs, i) -> new long[] {rs.getLong("id"), rs.getLong("person_id")}).list().stream()
                .flatMap(ids -> held(ids[1], ids[0]).stream())
                .toList();
    }

    /** The person's active grants for one organisation (not yet expired on {@code day}). */
    public List<AccessGrant> activeGrants(long personId, long organisationId, LocalDate day) {
        return registry.grantsOf(personId).stream()
                .filter(g -> g.organisation().id() == organisationId && g.status() == AccessStatus.ACTIVE
                        && !g.validTo().isBefore(day))
                .toList();
    }

    /**
     * Withdraws an active grant.
     *
     * @return false if it was not active (already withdrawn, or unknown)
     */
    @Transactional
    public boolean withdraw(long grantId) {
        return jdbc.sql("""
                UPDATE access_grant SET status = 'WITHDRAWN', withdrawn_at = :now
                WHERE id = :id AND status = 'ACTIVE'""")
                .param("now", OffsetDateTime.now(clock)).param("id", grantId).update() == 1;
    }

    private Optional<HeldGrant> held(long personId, long grantId) {
        return registry.findPerson(personId).flatMap(person -> registry.grantsOf(personId).stream()
                .filter(g -> g.id() == grantId).findFirst().map(g -> new HeldGrant(person, g)));
    }

    private static Organisation organisation(ResultSet rs, int row) throws SQLException {
        return new Organisation(rs.getLong("id"), rs.getString("org_number"), rs.getString("name"),
                OrganisationKind.valueOf(rs.getString("kind")));
    }
}
