package se.susam.inloggning.incident;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import se.susam.inloggning.errors.CatalogueRoutes;

/**
 * The login method a report is about, as the user names it (the seed page's sections). Names
 * match {@code login.LoginMethod} where that method exists, so an error page can pass its method
 * on; the form also offers methods that are not built yet and "another, or I do not know".
 */
enum ReportedMethod {
    TJANSTEKORT_FK("tjanstekort", "forsakringskassan"),
    TJANSTEKORT_AF("tjanstekort", "arbetsformedlingen"),
    SMS("sms", "sms-inloggning"),
    BANKID("bankid", "bankid-innan-felanmalan"),
    MOBILT_BANKID("bankid", "bankid-innan-felanmalan"),
    TELIA("bankid", "telia"),
    NORDEA("bankid", "bankid-innan-felanmalan"),
    OTHER(null, null);

    private final String catalogueSlug;
    private final String supportAnchor;

    ReportedMethod(String catalogueSlug, String supportAnchor) {
        this.catalogueSlug = catalogueSlug;
        this.supportAnchor = supportAnchor;
    }

    /** Reads {@code metod=SMS} (any case); unknown or empty values give nothing. */
    static Optional<ReportedMethod> fromParam(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String name = value.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.name().equals(name)).findFirst();
    }

    /**
     * Where the user reads about this method's messages before reporting: its "Vanliga
     * felmeddelanden" page when there is one, otherwise its checklist on the support page.
     */
    String supportUrl() {
        if (catalogueSlug != null) {
            Optional<CatalogueRoutes> page = CatalogueRoutes.bySlug(catalogueSlug);
            if (page.isPresent()) {
                return page.get().path();
            }
        }
        return supportAnchor == null ? "/support" : "/support#" + supportAnchor;
    }
}
