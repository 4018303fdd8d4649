package se.susam.inloggning.incident;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber;

import org.springframework.web.bind.annotation.BindParam;

import se.susam.inloggning.errors.ErrorCode;
import se.susam.inloggning.incident.FormCheck.Problem;

/**
 * The report form as typed: every field a string, kept exactly as the user wrote it so a page with
 * errors shows it again unchanged. {@link #check} turns it into an {@link IncidentReport} or lists
 * each field's problem in page order. Request parameter names are the Swedish field names.
 */
record IncidentForm(@BindParam("grupp") String group,
                    @BindParam("typ") String kind,
                    @BindParam("namn") String name,
                    @BindParam("epost") String email,
                    @BindParam("telefon") String phone,
                    @BindParam("organisation") String organisation,
                    @BindParam("metod") String method,
                    @BindParam("kod") String errorCode,
                    @BindParam("ref") String reference,
                    @BindParam("tid") String occurredAt,
                    @BindParam("beskrivning") String description) {

    static final int NAME_MAX = 200;
    static final int ORGANISATION_MAX = 200;
    static final int EMAIL_MAX = 254;
    static final int DESCRIPTION_MAX = 2000;
    static final int BROWSER_MAX = 500;
    /** Longer query values are not copied into the form: no error page sends anything that long. */
    static final int PREFILL_MAX = 40;
    /** How far ahead of the server's clock a given time may be (a user's clock can be a little fast). */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    static final DateTimeFormatter TIME_FIELD = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");
    private static final DateTimeFormatter TIME_TYPED =
            DateTimeFormatter.ofPattern("uuuu-MM-dd['T'][' ']HH:mm[:ss]").withResolverStyle(ResolverStyle.STRICT);
    /** Local part up to 64 characters, a domain with at least one dot (RFC 5321 §4.5.3.1). */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)*\\.[^@\\s.]{2,}");
    /** The registry's codes: {@code errors.ErrorCode}, e.g. SMS-003. */
    private static final Pattern CODE = Pattern.compile("[A-Z]{3,4}-\\d{3}");
    /** {@code errors.CorrelationId}: 10 characters, letters and digits without I, O, 0 and 1. */
    private static final Pattern REFERENCE = Pattern.compile("[A-HJ-NP-Z2-9]{10}");
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    /** The form as an error page's link fills it in; the time is now, to the minute. */
    static IncidentForm prefilled(ReporterGroup group, ReportKind kind, Optional<ReportedMethod> method,
                                  String errorCode, String reference, LocalDateTime now) {
        return new IncidentForm(group.param(), kind.param(), "", "", "", "", method.map(Enum::name).orElse(""),
                prefill(errorCode).toUpperCase(Locale.ROOT), prefill(reference).toUpperCase(Locale.ROOT),
                now.truncatedTo(ChronoUnit.MINUTES).format(TIME_FIELD), "");
    }

    private static String prefill(String value) {
        return value == null || value.length() > PREFILL_MAX ? "" : value.strip();
    }

    /**
     * Checks every field.
     *
     * @param now     the server's time, for "not in the future"
     * @param zone    the zone the user's local time is in
     * @param browser the request's User-Agent, stored with the report
     */
    FormCheck check(Instant now, ZoneId zone, String browser) {
        List<Problem> problems = new ArrayList<>();
        Optional<ReporterGroup> checkedGroup = ReporterGroup.fromParam(group).filter(g -> !g.reportsToHelpdesk());
        if (checkedGroup.isEmpty()) {
            problems.add(new Problem(ErrorCode.FEL_GROUP, null));
        }
        Optional<ReportKind> checkedKind = ReportKind.fromParam(kind);
        if (checkedKind.isEmpty()) {
            problems.add(new Problem(ErrorCode.FEL_KIND, "typ"));
        }
        String checkedName = required(name, "namn", ErrorCode.FEL_NAME_EMPTY, ErrorCode.FEL_NAME_LENGTH, NAME_MAX,
                problems);
        String checkedEmail = checkEmail(problems);
        String checkedPhone = checkPhone(problems);
        String checkedOrganisation = required(organisation, "organisation", ErrorCode.FEL_ORGANISATION_EMPTY,
                ErrorCode.FEL_ORGANISATION_LENGTH, ORGANISATION_MAX, problems);
        Optional<ReportedMethod> checkedMethod = ReportedMethod.fromParam(method);
        if (checkedMethod.isEmpty()) {
            problems.add(new Problem(ErrorCode.FEL_METHOD, "metod"));
        }
        String checkedCode = optionalMatching(errorCode, CODE, "kod", ErrorCode.FEL_CODE_FORMAT, problems);
        String checkedReference = optionalMatching(reference == null ? null : reference.replaceAll("[\\s-]", ""),
                REFERENCE, "ref", ErrorCode.FEL_REFERENCE_FORMAT, problems);
        Instant checkedTime = checkTime(now, zone, problems);
        String checkedDescription = checkDescription(problems);
        if (!problems.isEmpty()) {
            return new FormCheck.Invalid(problems);
        }
        String shortBrowser = browser == null || browser.isBlank() ? null
                : browser.substring(0, Math.min(browser.length(), BROWSER_MAX));
        return new FormCheck.Valid(new IncidentReport(checkedGroup.get(), checkedKind.get(), checkedName,
                checkedEmail, checkedPhone, checkedOrganisation, checkedMethod.get(), checkedCode, checkedReference,
                checkedTime, checkedDescription, shortBrowser));
    }

    private static String required(String value, String field, ErrorCode empty, ErrorCode tooLong, int max,
                                   List<Problem> problems) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            problems.add(new Problem(empty, field));
        } else if (v.length() > max) {
            problems.add(new Problem(tooLong, field, String.valueOf(max)));
        }
        return v;
    }

    private String checkEmail(List<Problem> problems) {
        String v = email == null ? "" : email.strip();
        if (v.isEmpty()) {
            problems.add(new Problem(ErrorCode.FEL_EMAIL_EMPTY, "epost"));
        } else if (v.length() > EMAIL_MAX || !EMAIL.matcher(v).matches()) {
            problems.add(new Problem(ErrorCode.FEL_EMAIL_FORMAT, "epost"));
        }
        return v;
    }

    /** Optional; if given, any valid number (mobile or landline), read as Swedish without a country code. */
    private String checkPhone(List<Problem> problems) {
        String v = phone == null ? "" : phone.strip();
        if (v.isEmpty()) {
            return null;
        }
        try {
            Phonenumber.PhoneNumber parsed = PHONES.parse(v, "SE");
            if (v.length() <= 30 && PHONES.isValidNumber(parsed)) {
                return PHONES.format(parsed, PhoneNumberFormat.E164);
            }
        } catch (NumberParseException e) {
            // reported below, like a number that parses but does not exist
        }
        problems.add(new Problem(ErrorCode.FEL_PHONE_FORMAT, "telefon"));
        return null;
    }

    private static String optionalMatching(String value, Pattern format, String field, ErrorCode code,
                                           List<Problem> problems) {
        String v = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        if (v.isEmpty()) {
            return null;
        }
        if (!format.matcher(v).matches()) {
            problems.add(new Problem(code, field));
        }
        return v;
    }

    private Instant checkTime(Instant now, ZoneId zone, List<Problem> problems) {
        String v = occurredAt == null ? "" : occurredAt.strip();
        Instant time;
        try {
            time = LocalDateTime.parse(v, TIME_TYPED).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            problems.add(new Problem(ErrorCode.FEL_TIME_FORMAT, "tid"));
            return null;
        }
        if (time.isAfter(now.plus(FUTURE_TOLERANCE))) {
            problems.add(new Problem(ErrorCode.FEL_TIME_FUTURE, "tid"));
        }
        return time;
    }

    /** Line breaks count as one character, as the browser's {@code maxlength} counts them. */
    private String checkDescription(List<Problem> problems) {
        String v = description == null ? "" : description.replace("\r\n", "\n").strip();
        if (v.isEmpty()) {
            problems.add(new Problem(ErrorCode.FEL_DESCRIPTION_EMPTY, "beskrivning"));
        } else if (v.length() > DESCRIPTION_MAX) {
            problems.add(new Problem(ErrorCode.FEL_DESCRIPTION_LENGTH, "beskrivning", String.valueOf(DESCRIPTION_MAX),
                    String.valueOf(v.length())));
        }
        return v;
    }
}
