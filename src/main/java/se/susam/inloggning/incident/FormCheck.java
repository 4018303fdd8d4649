package se.susam.inloggning.incident;

import java.util.List;

import se.susam.inloggning.errors.ErrorCode;

/** The outcome of checking a posted form: a report to file, or what to tell the user. */
sealed interface FormCheck {

    record Valid(IncidentReport report) implements FormCheck {
    }

    record Invalid(List<Problem> problems) implements FormCheck {

        public Invalid {
            problems = List.copyOf(problems);
        }
    }

    /**
     * One field's problem.
     *
     * @param field     the form field's name and id (the error summary links to it)
     * @param arguments fill the {@code {0}} placeholders of the code's message
     */
    record Problem(ErrorCode code, String field, Object... arguments) {
    }
}
