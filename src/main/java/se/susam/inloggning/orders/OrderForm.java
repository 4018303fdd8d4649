package se.susam.inloggning.orders;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.web.bind.annotation.BindParam;

import se.susam.inloggning.access.Organisation;
import se.susam.inloggning.access.Role;
import se.susam.inloggning.errors.ErrorCode;
import se.susam.inloggning.errors.SusException;
import se.susam.inloggning.identity.Personnummer;
import se.susam.inloggning.identity.PhoneNumber;

/**
 * Blankett 9445 as typed: every field kept exactly as the beställare wrote it, so a page with errors
 * shows it again unchanged. {@link #check} turns it into a {@link NewOrder} or lists each field's
 * problem in page order. Request parameter names are the Swedish field names.
 */
record OrderForm(@BindParam("personnummer") String personnummer,
                 @BindParam("fornamn") String givenName,
                 @BindParam("efternamn") String familyName,
                 @BindParam("epost") String email,
                 @BindParam("mobil") String mobile,
                 @BindParam("organisation") String organisation,
                 @BindParam("roller") List<String> roles,
                 @BindParam("metod") String method,
                 @BindParam("startdatum") String validFrom,
                 @BindParam("slutdatum") String validTo) {

    /** The registry's column widths (V1: person.given_name, family_name, email). */
    static final int NAME_MAX = 100;
    static final int EMAIL_MAX = 254;
    /** Access is ordered for at most this many years at a time, so it is reviewed regularly. */
    static final int MAX_YEARS = 3;

    /** Local part up to 64 characters, a domain with at least one dot (RFC 5321 §4.5.3.1). */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)*\\.[^@\\s.]{2,}");

    /** The personnummer rules are {@link Personnummer#parse}'s; the order form words them for a third person. */
    private static final Map<ErrorCode, ErrorCode> PERSONNUMMER_CODES = Map.of(
            ErrorCode.PNR_EMPTY, ErrorCode.ORD_PNR_EMPTY,
            ErrorCode.PNR_FORMAT, ErrorCode.ORD_PNR_FORMAT,
            ErrorCode.PNR_DATE, ErrorCode.ORD_PNR_DATE,
            ErrorCode.PNR_CHECK_DIGIT, ErrorCode.ORD_PNR_CHECK_DIGIT,
            ErrorCode.PNR_FUTURE, ErrorCode.ORD_PNR_FUTURE);

    OrderForm {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** An empty form for the beställare's organisation, starting today. */
    static OrderForm blank(Organisation organisation, LocalDate today) {
        return new OrderForm("", "", "", "", "", Long.toString(organisation.id()), List.of(), "", today.toString(), "");
    }

    /** The outcome of checking the form. */
    sealed interface Checked {
    }

    record Valid(NewOrder order) implements Checked {
    }

    record Invalid(List<Problem> problems) implements Checked {

        Invalid {
            problems = List.copyOf(problems);
        }
    }

    /**
     * One field's problem.
     *
     * @param field     the form field's name and the id the error summary links to
     * @param arguments fill the {@code {0}} placeholders of the code's message
     */
    record Problem(ErrorCode code, String field, Object... arguments) {
    }

    /**
     * Checks every field.
     *
     * @param clock today is the first day an order may start; also decides a 10-digit
     *              personnummer's century
     * @param own   the beställare's organisation: the only one they may order for
     */
    Checked check(Clock clock, Organisation own) {
        LocalDate today = LocalDate.now(clock);
        List<Problem> problems = new ArrayList<>();
        Optional<Personnummer> checkedPersonnummer = checkPersonnummer(clock, problems);
        String checkedGiven = required(givenName, "fornamn", ErrorCode.ORD_GIVEN_NAME_EMPTY,
                ErrorCode.ORD_GIVEN_NAME_LENGTH, problems);
        String checkedFamily = required(familyName, "efternamn", ErrorCode.ORD_FAMILY_NAME_EMPTY,
                ErrorCode.ORD_FAMILY_NAME_LENGTH, problems);
        String checkedEmail = checkEmail(problems);
        Optional<LoginChoice> checkedMethod = LoginChoice.fromParam(strip(method));
        Optional<PhoneNumber> checkedMobile = checkMobile(checkedMethod, problems);
        if (checkedMethod.isEmpty()) {
            problems.add(new Problem(ErrorCode.ORD_METHOD_MISSING, "metod"));
        }
        if (!strip(organisation).equals(Long.toString(own.id()))) {
            problems.add(new Problem(ErrorCode.ORD_ORGANISATION, "organisation"));
        }
        Set<Role> checkedRoles = checkRoles(problems);
        Optional<LocalDate> from = date(validFrom);
        if (from.isEmpty()) {
            problems.add(new Problem(ErrorCode.ORD_START_INVALID, "startdatum"));
        } else if (from.get().isBefore(today)) {
            problems.add(new Problem(ErrorCode.ORD_START_PAST, "startdatum"));
        }
        Optional<LocalDate> to = date(validTo);
        if (to.isEmpty()) {
            problems.add(new Problem(ErrorCode.ORD_END_INVALID, "slutdatum"));
        } else if (from.isPresent() && to.get().isBefore(from.get())) {
            problems.add(new Problem(ErrorCode.ORD_END_BEFORE_START, "slutdatum"));
        } else if (from.isPresent() && to.get().isAfter(from.get().plusYears(MAX_YEARS))) {
            problems.add(new Problem(ErrorCode.ORD_PERIOD_TOO_LONG, "slutdatum", MAX_YEARS));
        }
        if (!problems.isEmpty()) {
            return new Invalid(problems);
        }
        return new Valid(new NewOrder(checkedPersonnummer.orElseThrow(), checkedGiven, checkedFamily, checkedEmail,
                checkedMobile, own, checkedRoles, checkedMethod.orElseThrow() == LoginChoice.SMS, from.orElseThrow(),
                to.orElseThrow()));
    }

    private Optional<Personnummer> checkPersonnummer(Clock clock, List<Problem> problems) {
        try {
            return Optional.of(Personnummer.parse(personnummer, clock));
        } catch (SusException e) {
            problems.add(new Problem(PERSONNUMMER_CODES.getOrDefault(e.errorCode(), ErrorCode.ORD_PNR_FORMAT),
                    "personnummer"));
            return Optional.empty();
        }
    }

    private static String required(String value, String field, ErrorCode empty, ErrorCode tooLong,
                                   List<Problem> problems) {
        String v = strip(value);
        if (v.isEmpty()) {
            problems.add(new Problem(empty, field));
        } else if (v.length() > NAME_MAX) {
            problems.add(new Problem(tooLong, field, NAME_MAX));
        }
        return v;
    }

    private String checkEmail(List<Problem> problems) {
        String v = strip(email);
        if (v.isEmpty()) {
            problems.add(new Problem(ErrorCode.ORD_EMAIL_EMPTY, "epost"));
        } else if (v.length() > EMAIL_MAX || !EMAIL.matcher(v).matches()) {
            problems.add(new Problem(ErrorCode.ORD_EMAIL_FORMAT, "epost"));
        }
        return v;
    }

    /** Required with SMS login; when given, a Swedish mobile number (libphonenumber) in any case. */
    private Optional<PhoneNumber> checkMobile(Optional<LoginChoice> choice, List<Problem> problems) {
        String v = strip(mobile);
        if (v.isEmpty()) {
            if (choice.orElse(null) == LoginChoice.SMS) {
                problems.add(new Problem(ErrorCode.ORD_MOBILE_MISSING, "mobil"));
            }
            return Optional.empty();
        }
        try {
            PhoneNumber parsed = PhoneNumber.parseMobile(v);
            if (parsed.e164().startsWith("+46")) {
                return Optional.of(parsed);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        problems.add(new Problem(ErrorCode.ORD_MOBILE_FORMAT, "mobil"));
        return Optional.empty();
    }

    private Set<Role> checkRoles(List<Problem> problems) {
        Set<Role> chosen = EnumSet.noneOf(Role.class);
        for (String role : roles) {
            for (Role known : Role.values()) {
                if (known.name().equals(role)) {
                    chosen.add(known);
                }
            }
        }
        if (chosen.isEmpty()) {
            problems.add(new Problem(ErrorCode.ORD_ROLE_MISSING, "roller"));
        } else if (!Role.isAllowedCombination(chosen)) {
            problems.add(new Problem(ErrorCode.ORD_ROLE_COMBINATION, "roller"));
        }
        return chosen;
    }

    private static Optional<LocalDate> date(String value) {
        try {
            return Optional.of(LocalDate.parse(strip(value)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}
