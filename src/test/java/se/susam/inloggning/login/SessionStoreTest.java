package se.susam.inloggning.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * {@link SessionStore} driven by Spring Session's own filter over an in-memory delegate that counts
 * its reads and keeps copies, as a database does. {@code LoginSessionTest} checks the same on the
 * real store and database.
 */
class SessionStoreTest {

    private final CountingRepository database = new CountingRepository();
    private final SessionStore<MapSession> store = SessionStore.over(database, Duration.ofMinutes(1));
    private final SessionRepositoryFilter<SessionStore.StoredSession<MapSession>> sessionFilter =
            new SessionRepositoryFilter<>(store);

    /** One request with {@code cookie} (may be null); the page's work is {@code page}. */
    private MockHttpServletResponse request(Cookie cookie, Consumer<HttpServletRequest> page)
            throws ServletException, IOException {
        return request(cookie, page, false);
    }

    /** {@code commit}: the page commits the response after its work, as a rendered page does. */
    private MockHttpServletResponse request(Cookie cookie, Consumer<HttpServletRequest> page, boolean commit)
            throws ServletException, IOException {
        return request(cookie, page, commit, true);
    }

    /** {@code scoped}: with {@link SessionStore#requestScope()} before the session filter, as registered. */
    private MockHttpServletResponse request(Cookie cookie, Consumer<HttpServletRequest> page, boolean commit,
                                            boolean scoped) throws ServletException, IOException {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/sus");
        if (cookie != null) {
            request.setCookies(cookie);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        HttpServlet servlet = new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                page.accept(req);
                if (commit) {
                    resp.flushBuffer();
                }
            }
        };
        if (scoped) {
            new MockFilterChain(servlet, SessionStore.requestScope(), sessionFilter).doFilter(request, response);
        } else {
            new MockFilterChain(servlet, sessionFilter).doFilter(request, response);
        }
        return response;
    }

    private Cookie startSession() throws ServletException, IOException {
        MockHttpServletResponse first = request(null, req -> req.getSession().setAttribute("person", "1"));
        Cookie cookie = first.getCookie("SESSION");
        assertThat(cookie).isNotNull();
        return cookie;
    }

    private MapSession stored() {
        assertThat(database.stored).hasSize(1);
        return database.stored.values().iterator().next();
    }

    @Test
    void requestWhenSessionUnchangedThenReadOnceAndCookieNotSentAgain() throws Exception {
        Cookie cookie = startSession();
        database.reads = 0;
        MockHttpServletResponse response = request(cookie, req -> req.getSession(false).getAttribute("person"));
        assertThat(database.reads).isEqualTo(1);
        assertThat(response.getCookie("SESSION")).as("the cookie is not sent again").isNull();
    }

    @Test
    void requestWhenOutsideTheRequestScopeThenSpringSessionReadsTheSessionBackAfterCommitting() throws Exception {
        Cookie cookie = startSession();
        database.reads = 0;
        request(cookie, req -> req.getSession(false).setAttribute("step", "2"), true, false);
        assertThat(database.reads).isEqualTo(2);
    }

    @Test
    void findByIdWhenTheRequestThatSavedTheSessionHasEndedThenReadFromTheDatabase() throws Exception {
        Cookie cookie = startSession();
        String id = stored().getId();
        request(cookie, req -> req.getSession(false).setAttribute("step", "2"), true);
        database.reads = 0;
        assertThat(store.findById(id)).isNotNull();
        assertThat(database.reads).isEqualTo(1);
    }

    @Test
    void requestWhenSessionInvalidatedAfterCommitThenNotFoundAgainInTheSameRequest() throws Exception {
        Cookie cookie = startSession();
        String id = stored().getId();
        SessionStore.StoredSession<?>[] foundAfterDelete = new SessionStore.StoredSession<?>[1];
        request(cookie, req -> {
            req.getSession(false).setAttribute("step", "2");
            store.save(store.findById(id));
            store.deleteById(id);
            foundAfterDelete[0] = store.findById(id);
        }, true);
        assertThat(foundAfterDelete[0]).isNull();
    }

    @Test
    void requestWhenSessionRenewedAtLoginThenTheOldIdIsNotLookedForAgain() throws Exception {
        Cookie cookie = startSession();
        database.reads = 0;
        MockHttpServletResponse response = request(cookie, req -> {
            req.getSession(false).invalidate();
            req.getSession(true).setAttribute("person", "2");
        }, true);
        assertThat(database.reads).as("only the first read of the old session").isEqualTo(1);
        assertThat(response.getCookie("SESSION").getValue()).isNotEqualTo(cookie.getValue());
        assertThat(stored().getAttribute("person").toString()).isEqualTo("2");
    }

    @Test
    void findByIdWhenTheRequestThatDeletedTheSessionHasEndedThenAskedOfTheDatabase() throws Exception {
        Cookie cookie = startSession();
        String id = stored().getId();
        request(cookie, req -> req.getSession(false).invalidate());
        database.reads = 0;
        assertThat(store.findById(id)).isNull();
        assertThat(database.reads).isEqualTo(1);
    }

    @Test
    void requestWhenNothingSetInTheSessionThenNotSaved() throws Exception {
        Cookie cookie = startSession();
        database.saves = 0;
        request(cookie, req -> assertThat(req.getSession(false).getAttribute("person")).isEqualTo("1"));
        assertThat(database.saves).isZero();
    }

    @Test
    void requestWhenAnAttributeSetAndResponseCommittedThenReadOnceAndSavedOnceWithIt() throws Exception {
        Cookie cookie = startSession();
        database.reads = 0;
        database.saves = 0;
        // Spring Session's filter commits the session when the response is committed and again at
        // the end, reading it back the second time.
        request(cookie, req -> req.getSession(false).setAttribute("step", "2"), true);
        assertThat(database.reads).isEqualTo(1);
        assertThat(database.saves).isEqualTo(1);
        assertThat((String) stored().getAttribute("step")).isEqualTo("2");
    }

    @Test
    void requestWhenAttributeRemovedThenSavedWithoutIt() throws Exception {
        Cookie cookie = startSession();
        request(cookie, req -> req.getSession(false).removeAttribute("person"));
        assertThat(stored().getAttributeNames()).doesNotContain("person");
    }

    @Test
    void requestWhenSessionIdChangedThenNewCookieAndOldIdGone() throws Exception {
        Cookie cookie = startSession();
        String[] changed = new String[1];
        MockHttpServletResponse response = request(cookie, req -> changed[0] = req.changeSessionId());
        Cookie renewed = response.getCookie("SESSION");
        assertThat(renewed).isNotNull();
        assertThat(renewed.getValue()).isNotEqualTo(cookie.getValue());
        assertThat(database.stored).containsOnlyKeys(changed[0]);
        assertThat(request(renewed, req -> assertThat(req.getSession(false).getAttribute("person"))
                .isEqualTo("1")).getCookie("SESSION")).isNull();
    }

    @Test
    void requestWhenSessionInvalidatedThenItIsGoneAndTheCookieCleared() throws Exception {
        Cookie cookie = startSession();
        MockHttpServletResponse response = request(cookie, req -> req.getSession(false).invalidate());
        assertThat(database.stored).isEmpty();
        assertThat(response.getCookie("SESSION").getMaxAge()).isZero();
        HttpSession[] next = new HttpSession[1];
        request(cookie, req -> next[0] = req.getSession(false));
        assertThat(next[0]).isNull();
    }

    @Test
    void requestWhenLastAccessLessThanTheTouchIntervalOldThenNotWritten() throws Exception {
        Cookie cookie = startSession();
        Instant startedAt = Instant.now().minusSeconds(50);
        stored().setLastAccessedTime(startedAt);
        request(cookie, req -> req.getSession(false).getAttribute("person"));
        assertThat(stored().getLastAccessedTime()).isEqualTo(startedAt);
    }

    @Test
    void requestWhenLastAccessAtLeastTheTouchIntervalOldThenWritten() throws Exception {
        Cookie cookie = startSession();
        Instant startedAt = Instant.now().minusSeconds(61);
        stored().setLastAccessedTime(startedAt);
        Instant before = Instant.now();
        request(cookie, req -> req.getSession(false).getAttribute("person"));
        assertThat(stored().getLastAccessedTime()).isAfterOrEqualTo(before);
    }

    @Test
    void requestWhenIdleForTheWholeTimeoutThenSessionEndedEvenIfTouchedMeanwhileWithinTheInterval()
            throws Exception {
        Cookie cookie = startSession();
        Instant lastWritten = Instant.now().minus(Duration.ofMinutes(30)).minusSeconds(1);
        stored().setLastAccessedTime(lastWritten);
        HttpSession[] session = new HttpSession[1];
        request(cookie, req -> session[0] = req.getSession(false));
        assertThat(session[0]).isNull();
    }

    @Test
    void storedSessionWhenTouchedThenNeverMovedBack() {
        MapSession inner = new MapSession();
        Instant now = Instant.now();
        inner.setLastAccessedTime(now);
        var session = new SessionStore.StoredSession<>(inner, Duration.ZERO);
        session.setLastAccessedTime(now.minusSeconds(5));
        assertThat(session.getLastAccessedTime()).isEqualTo(now);
        session.setLastAccessedTime(now.plusMillis(1));
        assertThat(session.getLastAccessedTime()).isEqualTo(now.plusMillis(1));
    }

    @Test
    void overWhenTouchIntervalNegativeThenRefused() {
        assertThatThrownBy(() -> SessionStore.over(database, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("touchInterval");
    }

    @Test
    void findByPrincipalNameWhenSessionsExistThenEachIsTheStoresOwn() throws Exception {
        request(null, req -> req.getSession().setAttribute(
                FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, "person:7"));
        var found = store.findByPrincipalName("person:7");
        assertThat(found).hasSize(1);
        assertThat(found.values().iterator().next()).isInstanceOf(SessionStore.StoredSession.class);
        assertThat(store.findByPrincipalName("person:8")).isEmpty();
    }

    /** Keeps copies of saved sessions, as a database does, and counts reads. */
    private static final class CountingRepository implements FindByIndexNameSessionRepository<MapSession> {

        final Map<String, MapSession> stored = new HashMap<>();
        int reads;
        int saves;

        @Override
        public MapSession createSession() {
            MapSession session = new MapSession();
            session.setMaxInactiveInterval(Duration.ofMinutes(30));
            return session;
        }

        @Override
        public void save(MapSession session) {
            saves++;
            if (!session.getId().equals(session.getOriginalId())) {
                stored.remove(session.getOriginalId());
            }
            stored.put(session.getId(), new MapSession(session));
        }

        @Override
        public MapSession findById(String id) {
            reads++;
            MapSession session = stored.get(id);
            if (session == null || session.isExpired()) {
                return null;
            }
            return new MapSession(session);
        }

        @Override
        public void deleteById(String id) {
            stored.remove(id);
        }

        @Override
        public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            Map<String, MapSession> found = new HashMap<>();
            stored.forEach((id, session) -> {
                if (indexValue.equals(session.getAttribute(indexName))) {
                    found.put(id, new MapSession(session));
                }
            });
            return found;
        }
    }
}
