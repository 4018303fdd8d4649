package se.susam.inloggning.errors;

import java.util.Objects;

/**
 * A failure the user is told about: it carries the {@link ErrorCode} whose registered text the
 * page shows. Message arguments fill the {@code {0}}-style placeholders of that text.
 */
public class SusException extends RuntimeException {

    private final ErrorCode errorCode;
    private final transient Object[] arguments;

    public SusException(ErrorCode errorCode, Object... arguments) {
        super(Objects.requireNonNull(errorCode).code());
        this.errorCode = errorCode;
        this.arguments = arguments.clone();
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
