package se.susam.inloggning.console;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

import se.susam.inloggning.errors.ErrorCode;
import se.susam.inloggning.login.SusPrincipal;

/**
 * Spring Security's refusals of a logged-in person (a console page their roles do not open, a form
 * without its CSRF token) land in the audit trail like the refusals the console's own screens
 * make, then answer 403 as before. Only the method and path are recorded, never the query string.
 */
@Component
public class AuditedAccessDenial implements AccessDeniedHandler {

    static final String TYPE = "ACCESS_DENIED";

    private final AccessDeniedHandler answer = new AccessDeniedHandlerImpl();
    private final StaffAudit audit;

    AuditedAccessDenial(StaffAudit audit) {
        this.audit = audit;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SusPrincipal person) {
            String details = request.getMethod() + " " + request.getRequestURI()
                    + (denied instanceof CsrfException ? " (CSRF-token saknas eller är ogiltig)" : "");
            audit.record(TYPE, "DENIED", ErrorCode.GEN_FORBIDDEN, person, person.personnummer(),
                    request.getRemoteAddr(), details);
        }
        answer.handle(request, response, denied);
    }
}
