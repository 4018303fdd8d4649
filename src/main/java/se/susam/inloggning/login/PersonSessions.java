package se.susam.inloggning.login;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;

/**
 * Ends a person's logged-in sessions on every node at once: the sessions live in the database,
 * found by their principal name ({@link SusPrincipal#principalName(long)}). Used when access is
 * withdrawn and when Kundcenter sends a new master password.
 */
@Service
public class PersonSessions {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PersonSessions(FindByIndexNameSessionRepository<? extends Session> sessions, ApplicationEventPublisher events,
                   Clock clock) {
        this.sessions = sessions;
        this.events = events;
        this.clock = clock;
    }

    /** How many sessions the person has now. */
    public int count(long personId) {
        return sessions.findByPrincipalName(SusPrincipal.principalName(personId)).size();
    }

    /**
     * Ends all the person's sessions except {@code keep} (the caller's own, when a person acts on
     * themself), announcing each end first so relying parties get their back-channel logout.
     *
     * @return how many sessions were ended
     */
    public int endAll(long personId, Optional<String> keep) {
        Map<String, ? extends Session> found = sessions.findByPrincipalName(SusPrincipal.principalName(personId));
        int ended = 0;
        for (String id : found.keySet()) {
            if (keep.isPresent() && keep.get().equals(id)) {
                continue;
            }
            events.publishEvent(new LoginSessionEnded(id, clock.instant()));
            sessions.deleteById(id);
            ended++;
        }
        return ended;
    }
}
