package se.susam.inloggning.login;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import se.susam.inloggning.access.AccessDecision;
import se.susam.inloggning.access.AccessGate;
import se.susam.inloggning.access.AccessGrant;
import se.susam.inloggning.access.AccessRegistry;
import se.susam.inloggning.access.Person;
import se.susam.inloggning.access.StaffRole;
import se.susam.inloggning.access.Role;
import se.susam.inloggning.audit.AuditRecord;
import se.susam.inloggning.errors.CorrelationId;
import se.susam.inloggning.errors.ErrorMessages;

/**
 * The one place a proven personnummer becomes a SUS session. Every login method calls
 * {@link #complete}; the access gate decides, and only valid access gets a session — always a new
 * one (new session id, nothing from before login carried over: OWASP Session Management,
 * "Renew the Session ID After Any Privilege Level Change").
 */
@Component
public class LoginCompletion {

    /** Session attribute: when the person logged in (epoch millis), for the absolute timeout. */
    static final String AUTHENTICATED_AT = "sus.authenticatedAt";
    public static final String SUS_START = "/sus";
    public static final String CONSOLE_START = "/console";

    private final AccessGate gate;
    private final AccessRegistry registry;
    private final ApplicationEventPublisher events;
    private final ErrorMessages messages;
    private final java.time.Clock clock;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final CsrfTokenRepository csrfTokens;

    LoginCompletion(AccessGate gate, AccessRegistry registry, ApplicationEventPublisher events, ErrorMessages messages,
                    java.time.Clock clock, CsrfTokenRepository csrfTokens) {
        this.gate = gate;
        this.registry = registry;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
        this.csrfTokens = csrfTokens;
    }

    /**
     * Passes the identity through the access gate. Returns the view to render: a redirect to where the
     * login was asked for ({@link LoginContinuations}, e.g. a relying party's authorization request)
     * or else into SUS, or the "Du saknar behörighet till SUS" page (with HTTP 403 set on
     * {@code response}).
     */
    public String complete(AuthenticatedIdentity identity, HttpServletRequest request, HttpServletResponse response,
                           Model model, Locale locale) {
        AccessDecision decision = gate.decide(identity.personnummer());
        return switch (decision) {
            case AccessDecision.Granted granted -> {
                Optional<String> continuation = LoginContinuations.take(request.getSession(false));
                startSession(identity, granted.person(), granted.validGrants(), request, response);
                audit(identity, request, "SUCCESS", null);
                yield continueTo(continuation, SUS_START, request);
            }
            case AccessDecision.Denied denied when isStaff(identity, denied) -> {
                Optional<String> continuation = LoginContinuations.take(request.getSession(false));
                startSession(identity, denied.person().get(), List.of(), request, response);
                audit(identity, request, "SUCCESS", null);
                yield continueTo(continuation, CONSOLE_START, request);
            }
            case AccessDecision.Denied denied -> {
                endPreLoginSession(request);
                audit(identity, request, "DENIED", denied.reason().code());
                response.setStatus(denied.reason().httpStatus());
                model.addAttribute("error", messages.show(denied.reason(), null, locale));
                model.addAttribute("name", denied.person().map(p -> p.fullName()).orElse(null));
                model.addAttribute("loginMethod", identity.method().name());
                yield "login/no-access";
            }
        };
    }

    /** The saved address (marked in the new session as the one this login was for), or {@code fallback}. */
    private static String continueTo(Optional<String> continuation, String fallback, HttpServletRequest request) {
        continuation.ifPresent(address -> request.getSession().setAttribute(LoginContinuations.CONTINUED_TO, address));
        return "redirect:" + continuation.orElse(fallback);
    }

    /** Staff without SUS access still reach the console, when their login method allows staff roles. */
    private boolean isStaff(AuthenticatedIdentity identity, AccessDecision.Denied denied) {
        return identity.method().staffLogin() && denied.person().isPresent()
                && !registry.staffRolesOf(denied.person().get().id()).isEmpty();
    }

    private void startSession(AuthenticatedIdentity identity, Person person, List<AccessGrant> validGrants,
                              HttpServletRequest request, HttpServletResponse response) {
        endPreLoginSession(request);
        HttpSession session = request.getSession(true);
        Set<StaffRole> staffRoles = identity.method().staffLogin() ? registry.staffRolesOf(person.id()) : Set.of();
        SusPrincipal principal = new SusPrincipal(person.id(), identity.personnummer(), person.fullName(),
                identity.method(), identity.authenticatedAt(),
                validGrants.stream().map(LoginCompletion::summary).toList(),
                staffRoles.stream().map(StaffRole::name).sorted().toList());
        List<SimpleGrantedAuthority> authorities = new ArrayList<>();
        if (!validGrants.isEmpty()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_SUS_USER"));
        }
        staffRoles.forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        var authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        session.setAttribute(AUTHENTICATED_AT, identity.authenticatedAt().toEpochMilli());
        // A new CSRF token with the new login: none from before it stays valid after it.
        csrfTokens.saveToken(csrfTokens.generateToken(request), request, response);
    }

    /**
     * Ends the session the login began in. Only one that was logged in itself (a new login while
     * logged in) is announced as ended: a session never logged in has reached no relying party, and
     * announcing it cost every login a look for relying parties to tell.
     */
    private void endPreLoginSession(HttpServletRequest request) {
        HttpSession old = request.getSession(false);
        if (old != null) {
            if (old.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) != null) {
                events.publishEvent(new LoginSessionEnded(old.getId(), clock.instant()));
            }
            old.invalidate();
        }
    }

    private static SusPrincipal.GrantSummary summary(AccessGrant grant) {
        return new SusPrincipal.GrantSummary(grant.organisation().name(),
                grant.roles().stream().sorted(Comparator.naturalOrder()).map(Role::displayName).toList());
    }

    private void audit(AuthenticatedIdentity identity, HttpServletRequest request, String outcome, String code) {
        events.publishEvent(new AuditRecord(clock.instant(), "LOGIN", identity.method().name(), outcome, code,
                identity.personnummer(), identity.personnummer().masked(), request.getRemoteAddr(),
                CorrelationId.current(), null));
    }
}
