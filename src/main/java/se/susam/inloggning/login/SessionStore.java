package se.susam.inloggning.login;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * The HTTP session store: Spring Session's database repository ({@code delegate}), without the
 * statements it cost every request whose session nothing changed in.
 * <ul>
 * <li>The last access is written only when the stored one is at least {@code touchInterval} old
 * ({@link StoredSession#setLastAccessedTime}); Spring Session set it, and so wrote the session's
 * row, on every request. The idle timeout counts from the stored time: a session idle for the
 * whole timeout always ends, one idle for the timeout less {@code touchInterval} may already have
 * ended; never later than the timeout, at most {@code touchInterval} earlier (README,
 * "Configuration").</li>
 * <li>A session nothing changed in is not saved ({@link #save}).</li>
 * <li>A session saved in a request is not read back in it, nor one deleted in it ({@link #findById}).</li>
 * <li>A read runs without a transaction of its own, if the delegate takes its transactions from
 * {@link SessionTransactions}.</li>
 * </ul>
 * Every change of an attribute, the session id or the principal goes to the delegate as before.
 */
public final class SessionStore<S extends Session>
        implements FindByIndexNameSessionRepository<SessionStore.StoredSession<S>> {

    /** Just before Spring Session's filter, so that its whole work on a request is in scope. */
    public static final int REQUEST_SCOPE_ORDER = SessionRepositoryFilter.DEFAULT_ORDER - 1;

    private static final ThreadLocal<RequestScope> SCOPE = new ThreadLocal<>();

    private final FindByIndexNameSessionRepository<S> delegate;
    private final Duration touchInterval;

    private SessionStore(FindByIndexNameSessionRepository<S> delegate, Duration touchInterval) {
        if (touchInterval.isNegative()) {
            throw new IllegalArgumentException("touchInterval must not be negative: " + touchInterval);
        }
        this.delegate = delegate;
        this.touchInterval = touchInterval;
    }

    public static <S extends Session> SessionStore<S> over(FindByIndexNameSessionRepository<S> delegate,
                                                           Duration touchInterval) {
        return new SessionStore<>(delegate, touchInterval);
    }

    @Override
    public StoredSession<S> createSession() {
        StoredSession<S> created = new StoredSession<>(delegate.createSession(), touchInterval);
        created.changed = true;
        return created;
    }

    /**
     * Saves {@code session} if anything in it changed since it was read or last saved. Spring
     * Session's filter saves twice per request (when the response is committed and at its end), and
     * the JDBC repository opens a transaction for each save even when it has nothing to write.
     * Attributes are saved when set ({@code SaveMode.ON_SET_ATTRIBUTE}, the default), so a session
     * whose setters were not called has nothing to save.
     */
    @Override
    public void save(StoredSession<S> session) {
        if (session.changed) {
            delegate.save(session.delegate);
            session.changed = false;
        }
        RequestScope scope = SCOPE.get();
        if (scope != null) {
            scope.saved = session;
        }
    }

    /**
     * The session with {@code id}, or null if there is none or it has expired. Within a request
     * ({@link #requestScope}), the session this request saved last is not read back: Spring
     * Session's filter commits the session twice per request, and the second commit reads the
     * session again only to learn that it exists (spring-projects/spring-session#1731). Nor is the
     * session it deleted: a login that renews the session deletes the old one, and the filter then
     * looked for the old id twice more. No session gets an id that was used before.
     */
    @Override
    @SuppressWarnings("unchecked")
    public StoredSession<S> findById(String id) {
        RequestScope scope = SCOPE.get();
        if (scope != null && scope.holds(id)) {
            return (StoredSession<S>) scope.saved;
        }
        if (scope != null && id.equals(scope.deleted)) {
            return null;
        }
        S found = SessionTransactions.reading(() -> delegate.findById(id));
        return found == null ? null : new StoredSession<>(found, touchInterval);
    }

    @Override
    public void deleteById(String id) {
        RequestScope scope = SCOPE.get();
        if (scope != null) {
            if (scope.holds(id)) {
                scope.saved = null;
            }
            scope.deleted = id;
        }
        delegate.deleteById(id);
    }

    @Override
    public Map<String, StoredSession<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Map<String, StoredSession<S>> found = new LinkedHashMap<>();
        SessionTransactions.reading(() -> delegate.findByIndexNameAndIndexValue(indexName, indexValue))
                .forEach((id, session) -> found.put(id, new StoredSession<>(session, touchInterval)));
        return found;
    }

    /**
     * The filter that bounds {@link #findById}'s memory of the saved and the deleted session to one
     * request: it must run before Spring Session's filter ({@link #REQUEST_SCOPE_ORDER}) on every
     * dispatch the session filter runs on. Outside it, every {@code findById} reads the database.
     */
    public static HttpFilter requestScope() {
        return new HttpFilter() {
            @Override
            protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws IOException, ServletException {
                RequestScope outer = SCOPE.get();
                SCOPE.set(new RequestScope());
                try {
                    chain.doFilter(request, response);
                } finally {
                    if (outer == null) {
                        SCOPE.remove();
                    } else {
                        SCOPE.set(outer);
                    }
                }
            }
        };
    }

    /** The session saved last, and the id deleted last, in the request this thread serves. */
    private static final class RequestScope {
        StoredSession<?> saved;
        String deleted;

        boolean holds(String id) {
            return saved != null && saved.getId().equals(id);
        }
    }

    /**
     * A session of the delegate's whose last access moves only in steps of the touch interval, and
     * which knows whether anything in it changed.
     */
    public static final class StoredSession<S extends Session> implements Session {

        private final S delegate;
        private final Duration touchInterval;

        /** Whether a setter was called since the session was read, created or saved. */
        private boolean changed;

        StoredSession(S delegate, Duration touchInterval) {
            this.delegate = delegate;
            this.touchInterval = touchInterval;
        }

        /**
         * Records an access at {@code time} only if the stored last access is at least the touch
         * interval older; never moves it back.
         */
        @Override
        public void setLastAccessedTime(Instant time) {
            if (!time.isBefore(delegate.getLastAccessedTime().plus(touchInterval))) {
                delegate.setLastAccessedTime(time);
                changed = true;
            }
        }

        @Override
        public Instant getLastAccessedTime() {
            return delegate.getLastAccessedTime();
        }

        @Override
        public String getId() {
            return delegate.getId();
        }

        @Override
        public String changeSessionId() {
            changed = true;
            return delegate.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return delegate.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return delegate.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            changed = true;
            delegate.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            changed = true;
            delegate.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return delegate.getCreationTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            changed = true;
            delegate.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return delegate.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return delegate.isExpired();
        }
    }
}
