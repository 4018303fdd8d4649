package se.susam.inloggning.incident;

import java.util.Arrays;
import java.util.Optional;

/**
 * Who the reporter works for, which decides where a report goes (the seed page "Support inloggning
 * till SUS"): Försäkringskassan's staff make an incident in ARS or call Helpdesk; Arbetsförmedlingen's
 * staff and everyone else report to Försäkringskassans Kundcenter för partner.
 */
enum ReporterGroup {
    FK("fk"),
    AF("af"),
    OVRIGA("ovriga");

    private final String param;

    ReporterGroup(String param) {
        this.param = param;
    }

    /** The value in {@code /felanmalan?grupp=…}. */
    String param() {
        return param;
    }

    /** Försäkringskassan's own staff go to Helpdesk, not to the form. */
    boolean reportsToHelpdesk() {
        return this == FK;
    }

    static Optional<ReporterGroup> fromParam(String value) {
        return Arrays.stream(values()).filter(g -> g.param.equals(value)).findFirst();
    }
}
