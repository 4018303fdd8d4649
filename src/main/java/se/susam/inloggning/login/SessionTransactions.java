package se.susam.inloggning.login;

import java.util.function.Supplier;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transactions of Spring Session's JDBC repository, without one around a read. The repository
 * runs every operation in a transaction of its own; a read is one SELECT (a session with its
 * attributes, or a person's sessions), which the database answers consistently without one, so
 * a transaction only added BEGIN and COMMIT, two round trips to PostgreSQL on every request that
 * reads its session. {@link SessionStore} marks its reads ({@link #reading}); everything else
 * (saving, deleting, the cleanup of expired sessions) keeps a new transaction each, as Spring
 * Session configures it. A read that finds its session expired deletes it, one DELETE, also
 * without a transaction.
 */
public final class SessionTransactions implements TransactionOperations {

    private static final ThreadLocal<Boolean> READING = new ThreadLocal<>();

    private final TransactionOperations writes;

    private SessionTransactions(TransactionOperations writes) {
        this.writes = writes;
    }

    /** As Spring Session's own: a new transaction for each operation, except reads. */
    public static SessionTransactions over(PlatformTransactionManager transactionManager) {
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        template.afterPropertiesSet();
        return new SessionTransactions(template);
    }

    /** Runs {@code read}, whose repository calls then run without a transaction. */
    static <T> T reading(Supplier<T> read) {
        Boolean outer = READING.get();
        READING.set(Boolean.TRUE);
        try {
            return read.get();
        } finally {
            if (outer == null) {
                READING.remove();
            } else {
                READING.set(outer);
            }
        }
    }

    @Override
    public <T> T execute(TransactionCallback<T> action) throws TransactionException {
        if (Boolean.TRUE.equals(READING.get())) {
            return TransactionOperations.withoutTransaction().execute(action);
        }
        return writes.execute(action);
    }
}
