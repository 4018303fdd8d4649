package se.susam.inloggning.incident;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a report is about: a problem logging in, or a barrier to accessibility (the
 * tillgänglighetsredogörelse links here, as the DOS-lagen requires a way to report barriers).
 */
enum ReportKind {
    LOGIN("fel"),
    ACCESSIBILITY("tillganglighet");

    private final String param;

    ReportKind(String param) {
        this.param = param;
    }

    /** The value in {@code /felanmalan?typ=…} and in the form. */
    String param() {
        return param;
    }

    static Optional<ReportKind> fromParam(String value) {
        return Arrays.stream(values()).filter(k -> k.param.equals(value)).findFirst();
    }
}
