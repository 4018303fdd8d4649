package se.susam.inloggning.login;

import java.util.Arrays;
import java.util.Optional;

/**
 * Levels of assurance as the Swedish eID framework names them (Sweden Connect, "Registry for
 * identifiers", §3.1.1 Level of Assurance URIs): the {@code acr} a relying party is told and may
 * demand. Certified levels are checked by DIGG; "uncertified" levels are self-declared.
 */
public enum AssuranceLevel {
    UNCERTIFIED_LOA2("http://id.swedenconnect.se/loa/1.0/uncertified-loa2", 2, false),
    LOA2("http://id.elegnamnden.se/loa/1.0/loa2", 2, true),
    UNCERTIFIED_LOA3("http://id.swedenconnect.se/loa/1.0/uncertified-loa3", 3, false),
    LOA3("http://id.elegnamnden.se/loa/1.0/loa3", 3, true),
    LOA4("http://id.elegnamnden.se/loa/1.0/loa4", 4, true);

    private final String uri;
    private final int level;
    private final boolean certified;

    AssuranceLevel(String uri, int level, boolean certified) {
        this.uri = uri;
        this.level = level;
        this.certified = certified;
    }

    /** The authentication context class reference, as sent in {@code acr} and {@code acr_values}. */
    public String uri() {
        return uri;
    }

    /**
     * Whether a login at this level meets a demand for {@code requested}: a certified level needs a
     * certified level at least as high; an uncertified level is met by any level at least as high.
     */
    public boolean satisfies(AssuranceLevel requested) {
        return level >= requested.level && (certified || !requested.certified);
    }

    public static Optional<AssuranceLevel> byUri(String uri) {
        return Arrays.stream(values()).filter(l -> l.uri.equals(uri)).findFirst();
    }
}
