package se.susam.inloggning.login;

import java.io.Serializable;
import java.security.Principal;
import java.time.Instant;
import java.util.List;

import se.susam.inloggning.identity.Personnummer;

/**
 * The person logged in to SUS, as the session holds it.
 *
 * @param grants     the valid grants at login: organisation name and role names
 * @param staffRoles the console roles held in this session (names of {@code access.StaffRole})
 */
public record SusPrincipal(long personId, Personnummer personnummer, String fullName, LoginMethod method,
                           Instant authenticatedAt, List<GrantSummary> grants, List<String> staffRoles)
        implements Principal, Serializable {

    /** One valid grant as shown on the SUS start page. */
    public record GrantSummary(String organisation, List<String> roles) implements Serializable {
    }

    public SusPrincipal {
        grants = List.copyOf(grants);
        staffRoles = List.copyOf(staffRoles);
    }

    /**
     * The session index name (Spring Session's principal name): the person id, never the
     * personnummer, so the sessions table does not become a list of personnummer.
     */
    @Override
    public String getName() {
        return principalName(personId);
    }

    /**
     * Who did it, as the audit trail records a staff member's console action: the masked
     * personnummer and the name, never the full number.
     */
    public String auditActor() {
        return personnummer.masked() + " " + fullName;
    }

    public static String principalName(long personId) {
        return "person:" + personId;
    }
}
