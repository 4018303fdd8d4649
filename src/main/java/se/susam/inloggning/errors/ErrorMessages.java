package se.susam.inloggning.errors;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Resolves a registered code to what a page shows. */
@Component
public class ErrorMessages {

    private final MessageSource messages;

    ErrorMessages(MessageSource messages) {
        this.messages = messages;
    }

    public ShownError show(ErrorCode code, String field, Locale locale, Object... args) {
        String text = messages.getMessage(code.messageKey(), args, locale);
        return new ShownError(code.code(), text, CorrelationId.current(), CatalogueRoutes.entryUrl(code), field);
    }

    public ShownError show(SusException e, String field, Locale locale) {
        return show(e.errorCode(), field, locale, e.arguments());
    }

    public String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
