package se.susam.inloggning.login;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * The HTTP session store: Spring Session's database repository ({@code delegate}), without the
 * write and the empty transactions it costs every request that has a session. Spring Session sets the session's last access on
 * every request, so a request that changed nothing still updated the session's row. Here a request
 * that comes less than {@code touchInterval} after the stored last access leaves it, and so the row,
 * alone. The idle timeout counts from the stored time: a session idle for the whole timeout always
 * ends, and one idle for the timeout less {@code touchInterval} may already have ended; never
 * later than the timeout, at most {@code touchInterval} earlier (README, "Configuration").
 * A session nothing changed in is not saved at all ({@link #save}). Every change of an attribute,
 * the session id or the principal goes to the delegate as before.
 */
public final class SessionStore<S extends Session>
        implements FindByIndexNameSessionRepository<SessionStore.StoredSession<S>> {

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
    }

    @Override
    public StoredSession<S> findById(String id) {
        S found = delegate.findById(id);
        return found == null ? null : new StoredSession<>(found, touchInterval);
    }

    @Override
    public void deleteById(String id) {
        delegate.deleteById(id);
    }

    @Override
    public Map<String, StoredSession<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Map<String, StoredSession<S>> found = new LinkedHashMap<>();
        delegate.findByIndexNameAndIndexValue(indexName, indexValue)
                .forEach((id, session) -> found.put(id, new StoredSession<>(session, touchInterval)));
        return found;
    }

    /** A session of the delegate's whose last access moves only in steps of the touch interval. */
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
