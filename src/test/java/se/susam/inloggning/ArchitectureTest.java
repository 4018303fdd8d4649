package se.susam.inloggning;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The features stay apart: no cycles, and no module reaches into another's internals. */
class ArchitectureTest {

    private final ApplicationModules modules = ApplicationModules.of(SusInloggningApplication.class);

    @Test
    void modulesWhenVerifiedThenNoCyclesAndOnlyPublicSurfacesUsed() {
        modules.verify();
    }
}
