package se.susam.inloggning.kundcenter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import se.susam.inloggning.access.AccessGrant;
import se.susam.inloggning.access.AccessStatus;
import se.susam.inloggning.access.Person;
import se.susam.inloggning.errors.ErrorCode;
import se.susam.inloggning.errors.SusException;
import se.susam.inloggning.identity.Personnummer;
import se.susam.inloggning.identity.PhoneNumber;

/**
 * The identity check before a new master password (the support page: "För att kunna skicka ut ett
 * nytt masterlösenord behöver vi följande information: namn, personnummer, mobiltelefonnummer (ska
 * vara samma som angetts på din behörighetsbeställning), e-postadress, organisation"). The system
 * compares what the caller says with the registry; staff confirm each item. Comparisons are
 * normalised (case, white space; the mobile number as E.164; the organisation by name or org
 * number among the person's active grants) and constant-time.
 */
record IdentityCheck(Map<Item, String> answers, Set<Item> confirmed) {

    /** One item of the checklist, in the support page's order; {@code field} is the form field. */
    enum Item {
        NAME("namn", ErrorCode.KC_NAME_MISMATCH),
        PERSONNUMMER("personnummer", ErrorCode.KC_PERSONNUMMER_MISMATCH),
        MOBILE("mobil", ErrorCode.KC_MOBILE_MISMATCH),
        EMAIL("epost", ErrorCode.KC_EMAIL_MISMATCH),
        ORGANISATION("organisation", ErrorCode.KC_ORGANISATION_MISMATCH);

        final String field;
        final ErrorCode mismatch;

        Item(String field, ErrorCode mismatch) {
            this.field = field;
            this.mismatch = mismatch;
        }

        public String field() {
            return field;
        }

        static Optional<Item> byField(String field) {
            return Arrays.stream(values()).filter(i -> i.field.equals(field)).findFirst();
        }
    }

    /** What the registry holds for the person: the mobile is the one on the grant with SMS login. */
    record Registered(Person person, PhoneNumber smsMobile, List<AccessGrant> grants) {
    }

    IdentityCheck {
        answers = Map.copyOf(answers);
        confirmed = confirmed.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(confirmed));
    }

    /** Reads the form: one field per item, and the items ticked "Bekräftad". */
    static IdentityCheck fromForm(Function<String, String> field, List<String> confirmedFields) {
        Map<Item, String> answers = new EnumMap<>(Item.class);
        for (Item item : Item.values()) {
            String value = field.apply(item.field);
            answers.put(item, value == null ? "" : value);
        }
        Set<Item> confirmed = confirmedFields.stream().map(Item::byField).flatMap(Optional::stream)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Item.class)));
        return new IdentityCheck(answers, confirmed);
    }

    static IdentityCheck empty() {
        return fromForm(f -> "", List.of());
    }

    String answer(Item item) {
        return answers.getOrDefault(item, "");
    }

    /** Whether each item matches the registry. */
    Map<Item, Boolean> compare(Registered registered, Clock clock) {
        Map<Item, Boolean> result = new EnumMap<>(Item.class);
        result.put(Item.NAME, same(text(answer(Item.NAME)), text(registered.person().fullName())));
        result.put(Item.PERSONNUMMER, personnummer(answer(Item.PERSONNUMMER), clock)
                .map(p -> same(p.value(), registered.person().personnummer().value())).orElse(false));
        result.put(Item.MOBILE, mobile(answer(Item.MOBILE))
                .map(m -> same(m.e164(), registered.smsMobile().e164())).orElse(false));
        result.put(Item.EMAIL, registered.person().email() != null
                && same(text(answer(Item.EMAIL)), text(registered.person().email())));
        result.put(Item.ORGANISATION, organisation(answer(Item.ORGANISATION), registered.grants()));
        return result;
    }

    /** The short form kept in the audit trail: which items matched, never what was said. */
    static String auditSummary(Map<Item, Boolean> matches) {
        return "identitetskontroll: " + Arrays.stream(Item.values())
                .map(i -> auditName(i) + " " + (Boolean.TRUE.equals(matches.get(i)) ? "✓" : "✗"))
                .collect(Collectors.joining(" "));
    }

    private static String auditName(Item item) {
        return switch (item) {
            case NAME -> "namn";
            case PERSONNUMMER -> "personnummer";
            case MOBILE -> "mobil";
            case EMAIL -> "e-post";
            case ORGANISATION -> "organisation";
        };
    }

    private static boolean organisation(String answer, List<AccessGrant> grants) {
        String name = text(answer);
        String digits = answer.replaceAll("\\D", "");
        boolean found = false;
        for (AccessGrant grant : grants) {
            if (grant.status() != AccessStatus.ACTIVE) {
                continue;
            }
            boolean byName = same(name, text(grant.organisation().name()));
            boolean byNumber = digits.length() == 10
                    && same(digits, grant.organisation().orgNumber().replaceAll("\\D", ""));
            found |= byName | byNumber;
        }
        return !name.isEmpty() && found;
    }

    private static Optional<Personnummer> personnummer(String answer, Clock clock) {
        try {
            return Optional.of(Personnummer.parse(answer, clock));
        } catch (SusException malformed) {
            return Optional.empty();
        }
    }

    private static Optional<PhoneNumber> mobile(String answer) {
        try {
            return Optional.of(PhoneNumber.parseMobile(answer));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /** Lower case, one space between words, none around. */
    private static String text(String value) {
        return value == null ? "" : value.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static boolean same(String a, String b) {
        return !a.isEmpty() && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
