package se.susam.inloggning.servicestatus;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import se.susam.inloggning.errors.ErrorCode;

/**
 * What Kundcenter typed in the notice form, checked field by field. Times are local Swedish time as
 * the form's {@code datetime-local} fields send them.
 */
record NoticeForm(String title, String body, String kind, String affected, boolean susUnavailable, String startsAt,
                  String endsAt) {

    static final int MAX_TITLE = 120;
    static final int MAX_BODY = 2000;

    /** The outcome of checking the form. */
    sealed interface Checked {
    }

    /** A notice ready to publish. */
    record Valid(String title, String body, ServiceNotice.Kind kind, ServiceNotice.Affected affected,
                 boolean susUnavailable, Instant startsAt, Optional<Instant> endsAt) implements Checked {
    }

    /** Every field error, each with the code the page shows. */
    record Invalid(List<FieldError> errors) implements Checked {
    }

    record FieldError(ErrorCode code, String field) {
    }

    Checked check(ZoneId zone) {
        List<FieldError> errors = new ArrayList<>();
        String cleanTitle = strip(title);
        String cleanBody = strip(body);
        if (cleanTitle.isEmpty()) {
            errors.add(new FieldError(ErrorCode.DRF_TITLE_MISSING, "title"));
        } else if (cleanTitle.length() > MAX_TITLE) {
            errors.add(new FieldError(ErrorCode.DRF_TITLE_TOO_LONG, "title"));
        }
        if (cleanBody.isEmpty()) {
            errors.add(new FieldError(ErrorCode.DRF_BODY_MISSING, "body"));
        } else if (cleanBody.length() > MAX_BODY) {
            errors.add(new FieldError(ErrorCode.DRF_BODY_TOO_LONG, "body"));
        }
        Optional<ServiceNotice.Kind> parsedKind = enumValue(ServiceNotice.Kind.class, kind);
        if (parsedKind.isEmpty()) {
            errors.add(new FieldError(ErrorCode.DRF_KIND_MISSING, "kind"));
        }
        Optional<ServiceNotice.Affected> parsedAffected = enumValue(ServiceNotice.Affected.class, affected);
        if (parsedAffected.isEmpty()) {
            errors.add(new FieldError(ErrorCode.DRF_AFFECTED_MISSING, "affected"));
        }
        Optional<Instant> start = time(startsAt, zone);
        if (start.isEmpty()) {
            errors.add(new FieldError(ErrorCode.DRF_START_INVALID, "startsAt"));
        }
        Optional<Instant> end = Optional.empty();
        if (!strip(endsAt).isEmpty()) {
            end = time(endsAt, zone);
            if (end.isEmpty()) {
                errors.add(new FieldError(ErrorCode.DRF_END_INVALID, "endsAt"));
            } else if (start.isPresent() && !end.get().isAfter(start.get())) {
                errors.add(new FieldError(ErrorCode.DRF_END_BEFORE_START, "endsAt"));
            }
        }
        if (!errors.isEmpty()) {
            return new Invalid(errors);
        }
        return new Valid(cleanTitle, cleanBody, parsedKind.get(), parsedAffected.get(), susUnavailable, start.get(), end);
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    private static <E extends Enum<E>> Optional<E> enumValue(Class<E> type, String value) {
        try {
            return Optional.of(Enum.valueOf(type, strip(value)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> time(String value, ZoneId zone) {
        try {
            return Optional.of(LocalDateTime.parse(strip(value)).atZone(zone).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
