package se.susam.inloggning.errors;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns a {@link SusException} that no controller handled into the error page: message, code,
 * correlation id and a link to the code's catalogue entry, with the code's HTTP status.
 */
@ControllerAdvice
class ProblemPages {

    private static final Logger log = LoggerFactory.getLogger(ProblemPages.class);

    private final ErrorMessages messages;

    ProblemPages(ErrorMessages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(SusException.class)
    String handle(SusException e, Model model, Locale locale, HttpServletResponse response) {
        log.info("Shown error {}", e.errorCode().code());
        return render(messages.show(e, null, locale), e.errorCode(), model, response);
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    String badRequest(Exception e, Model model, Locale locale, HttpServletResponse response) {
        log.info("Bad request: {}", e.getClass().getSimpleName());
        return render(messages.show(ErrorCode.GEN_BAD_REQUEST, null, locale), ErrorCode.GEN_BAD_REQUEST, model, response);
    }

    static String render(ShownError error, ErrorCode code, Model model, HttpServletResponse response) {
        response.setStatus(code.httpStatus());
        model.addAttribute("error", error);
        return "error/problem";
    }
}
