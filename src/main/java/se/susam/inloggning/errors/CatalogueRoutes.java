package se.susam.inloggning.errors;

import java.util.EnumSet;
import java.util.Set;

/**
 * The "Vanliga felmeddelanden" pages, one per family of login methods. Each page lists the codes
 * of its families, so a code raised on a page always has an entry the page can link to.
 */
public enum CatalogueRoutes {
    SMS("sms", EnumSet.of(ErrorFamily.SMS, ErrorFamily.PNR, ErrorFamily.ACC, ErrorFamily.GEN)),
    DRIFTINFORMATION("driftinformation", EnumSet.of(ErrorFamily.DRF)),
    TJANSTEKORT("tjanstekort", EnumSet.of(ErrorFamily.TJK, ErrorFamily.ACC, ErrorFamily.GEN)),
    FELANMALAN("felanmalan", EnumSet.of(ErrorFamily.FEL)),
    SERVICES("andra-tjanster", EnumSet.of(ErrorFamily.OIDC, ErrorFamily.ACC, ErrorFamily.GEN)),
    /** "Vanliga felmeddelanden (BankID och e-legitimation)", where the support page links. */
    BANKID("bankid", EnumSet.of(ErrorFamily.BID, ErrorFamily.ELEG, ErrorFamily.ACC, ErrorFamily.GEN)),
    /** "Vanliga felmeddelanden (konsolen)": access orders and Kundcenter's actions, for staff. */
    CONSOLE("konsol", EnumSet.of(ErrorFamily.ORD, ErrorFamily.KC, ErrorFamily.GEN));

    private final String slug;
    private final Set<ErrorFamily> families;

    CatalogueRoutes(String slug, Set<ErrorFamily> families) {
        this.slug = slug;
        this.families = families;
    }

    public String slug() {
        return slug;
    }

    public Set<ErrorFamily> families() {
        return families;
    }

    public String path() {
        return "/support/vanliga-felmeddelanden/" + slug;
    }

    /** Where a code's entry is explained: the first page listing its family. */
    public static String entryUrl(ErrorCode code) {
        for (CatalogueRoutes page : values()) {
            if (page.families.contains(code.family())) {
                return page.path() + "#" + code.code();
            }
        }
        throw new IllegalStateException("No catalogue page lists " + code.code());
    }

    public static java.util.Optional<CatalogueRoutes> bySlug(String slug) {
        for (CatalogueRoutes page : values()) {
            if (page.slug.equals(slug)) {
                return java.util.Optional.of(page);
            }
        }
        return java.util.Optional.empty();
    }
}
