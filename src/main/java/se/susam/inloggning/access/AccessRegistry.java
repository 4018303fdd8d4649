package se.susam.inloggning.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import se.susam.inloggning.identity.Personnummer;
import se.susam.inloggning.identity.PhoneNumber;

/** Reads and writes organisations, persons and access grants. */
@Repository
public class AccessRegistry {

    private final JdbcClient jdbc;
    private final Clock clock;

    AccessRegistry(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Person> findPerson(Personnummer personnummer) {
        return jdbc.sql("SELECT id, personnummer, given_name, family_name, email FROM person WHERE personnummer = :p")
                .param("p", personnummer.value())
                .query(AccessRegistry::person).optional();
    }

    public Optional<Person> findPerson(long personId) {
        return jdbc.sql("SELECT id, personnummer, given_name, family_name, email FROM person WHERE id = :id")
                .param("id", personId)
                .query(AccessRegistry::person).optional();
    }

    public Optional<Organisation> findOrganisation(String orgNumber) {
        return jdbc.sql("SELECT id, org_number, name, kind FROM organisation WHERE org_number = :n")
                .param("n", orgNumber)
                .query((rs, i) -> new Organisation(rs.getLong("id"), rs.getString("org_number"), rs.getString("name"),
                        OrganisationKind.valueOf(rs.getString("kind"))))
                .optional();
    }

    /**
     * All of a person's grants, newest first, with their roles: one statement (every login reads
     * them), a row per grant and role.
     */
    public List<AccessGrant> grantsOf(long personId) {
        Map<Long, GrantRows> grants = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT g.id, g.person_id, g.valid_from, g.valid_to, g.status, g.sms_login, g.mobile_e164,
                       o.id AS org_id, o.org_number, o.name, o.kind, r.role
                FROM access_grant g JOIN organisation o ON o.id = g.organisation_id
                     LEFT JOIN access_grant_role r ON r.grant_id = g.id
                WHERE g.person_id = :p ORDER BY g.valid_to DESC, g.id DESC""")
                .param("p", personId)
                .query(rs -> {
                    long id = rs.getLong("id");
                    GrantRows grant = grants.get(id);
                    if (grant == null) {
                        grant = new GrantRows(new AccessGrant(id, rs.getLong("person_id"),
                                new Organisation(rs.getLong("org_id"), rs.getString("org_number"), rs.getString("name"),
                                        OrganisationKind.valueOf(rs.getString("kind"))),
                                Set.of(), rs.getObject("valid_from", LocalDate.class),
                                rs.getObject("valid_to", LocalDate.class), AccessStatus.valueOf(rs.getString("status")),
                                rs.getBoolean("sms_login"),
                                Optional.ofNullable(rs.getString("mobile_e164")).map(PhoneNumber::new)),
                                EnumSet.noneOf(Role.class));
                        grants.put(id, grant);
                    }
                    String role = rs.getString("role");
                    if (role != null) {
                        grant.roles().add(Role.valueOf(role));
                    }
                });
        return grants.values().stream().map(g -> g.columns().withRoles(g.roles())).toList();
    }

    /** A grant's columns from its first row, and its roles gathered from all of its rows. */
    private record GrantRows(AccessGrant columns, Set<Role> roles) {
    }

    /**
     * The mobile number SMS login sends to: the one on the person's newest grant ordered with SMS
     * login. Whether that grant is still valid is the access gate's question, asked after login.
     */
    public Optional<PhoneNumber> smsLoginMobile(long personId) {
        return smsLoginMobile(grantsOf(personId));
    }

    /** {@link #smsLoginMobile(long)} for a person's grants already read. */
    public static Optional<PhoneNumber> smsLoginMobile(List<AccessGrant> grants) {
        return grants.stream()
                .filter(AccessGrant::smsLogin)
                .sorted(Comparator.comparing((AccessGrant g) -> g.status() != AccessStatus.ACTIVE))
                .findFirst()
                .flatMap(AccessGrant::mobile);
    }

    /** The person's console roles. */
    public Set<StaffRole> staffRolesOf(long personId) {
        Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
        jdbc.sql("SELECT role FROM staff_role WHERE person_id = :p").param("p", personId)
                .query(String.class).list().forEach(role -> roles.add(StaffRole.valueOf(role)));
        return roles;
    }

    /** Gives a person a console role; a beställare's organisation is the one they order for. */
    @Transactional
    public void addStaffRole(long personId, StaffRole role, Optional<Organisation> organisation) {
        jdbc.sql("INSERT INTO staff_role (person_id, role, organisation_id) VALUES (:p, :r, :o)")
                .param("p", personId).param("r", role.name())
                .param("o", organisation.map(Organisation::id).orElse(null)).update();
    }

    @Transactional
    public Organisation addOrganisation(String orgNumber, String name, OrganisationKind kind) {
        long id = insert("INSERT INTO organisation (org_number, name, kind) VALUES (:n, :name, :kind)",
                Map.of("n", orgNumber, "name", name, "kind", kind.name()));
        return new Organisation(id, orgNumber, name, kind);
    }

    @Transactional
    public Person addPerson(Personnummer personnummer, String givenName, String familyName, String email) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("p", personnummer.value());
        params.put("g", givenName);
        params.put("f", familyName);
        params.put("e", email);
        long id = insert("INSERT INTO person (personnummer, given_name, family_name, email) VALUES (:p, :g, :f, :e)",
                params);
        return new Person(id, personnummer, givenName, familyName, email);
    }

    /** Records a new grant with its roles in one transaction. */
    @Transactional
    public AccessGrant addGrant(long personId, Organisation organisation, Set<Role> roles, LocalDate validFrom,
                                LocalDate validTo, AccessStatus status, Optional<PhoneNumber> smsMobile) {
        if (!Role.isAllowedCombination(roles)) {
            throw new IllegalArgumentException("Role combination not allowed: " + roles);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("p", personId);
        params.put("o", organisation.id());
        params.put("from", validFrom);
        params.put("to", validTo);
        params.put("status", status.name());
        params.put("sms", smsMobile.isPresent());
        params.put("mobile", smsMobile.map(PhoneNumber::e164).orElse(null));
        params.put("now", OffsetDateTime.now(clock));
        params.put("withdrawn", status == AccessStatus.WITHDRAWN ? OffsetDateTime.now(clock) : null);
        long id = insert("""
                INSERT INTO access_grant (person_id, organisation_id, valid_from, valid_to, status, sms_login,
                                          mobile_e164, created_at, withdrawn_at)
                VALUES (:p, :o, :from, :to, :status, :sms, :mobile, :now, :withdrawn)""", params);
        for (Role role : roles) {
            jdbc.sql("INSERT INTO access_grant_role (grant_id, role) VALUES (:g, :r)")
                    .param("g", id).param("r", role.name()).update();
        }
        return new AccessGrant(id, personId, organisation, roles, validFrom, validTo, status, smsMobile.isPresent(),
                smsMobile);
    }

    private long insert(String sql, Map<String, ?> params) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(keys, "id");
        return keys.getKey().longValue();
    }

    private static Person person(ResultSet rs, int row) throws SQLException {
        return new Person(rs.getLong("id"), new Personnummer(rs.getString("personnummer")),
                rs.getString("given_name"), rs.getString("family_name"), rs.getString("email"));
    }
}
