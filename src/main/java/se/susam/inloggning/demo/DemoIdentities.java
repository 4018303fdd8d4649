package se.susam.inloggning.demo;

import java.util.List;
import java.util.stream.Stream;

/**
 * The demo persons as an e-ID would present them (personnummer and name), for simulators that
 * play a person's BankID app. Who has access is decided by the registry, not here.
 */
public final class DemoIdentities {

    /** One demo person's identity. */
    public record Identity(String personnummer, String givenName, String familyName) {

        public String fullName() {
            return givenName + " " + familyName;
        }
    }

    private DemoIdentities() {
    }

    /** Every demo person, in the README's order. */
    public static List<Identity> all() {
        return Stream.of(DemoData.ANNA, DemoData.BERTIL, DemoData.CECILIA, DemoData.DAVID, DemoData.EVA,
                        DemoData.FREDRIK, DemoData.MARIA, DemoData.JOHAN)
                .map(p -> new Identity(p.personnummer(), p.givenName(), p.familyName()))
                .toList();
    }
}
