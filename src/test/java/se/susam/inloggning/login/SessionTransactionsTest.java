package se.susam.inloggning.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class SessionTransactionsTest {

    /** Records the transactions begun and committed. */
    static final class RecordingManager extends AbstractPlatformTransactionManager {
        final List<String> events = new ArrayList<>();

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
            events.add("begin " + definition.getPropagationBehavior());
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            events.add("commit");
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            events.add("rollback");
        }
    }

    private final RecordingManager manager = new RecordingManager();
    private final SessionTransactions transactions = SessionTransactions.over(manager);

    @Test
    void executeWhenNotReadingThenNewTransactionAndCommit() {
        Boolean active = transactions.execute(status -> TransactionSynchronizationManager.isActualTransactionActive());

        assertThat(active).isTrue();
        assertThat(manager.events).containsExactly("begin " + TransactionDefinition.PROPAGATION_REQUIRES_NEW, "commit");
    }

    @Test
    void executeWhenReadingThenNoTransaction() {
        Boolean active = SessionTransactions.reading(() -> transactions.execute(
                status -> TransactionSynchronizationManager.isActualTransactionActive()));

        assertThat(active).isFalse();
        assertThat(manager.events).isEmpty();
    }

    @Test
    void readingWhenNestedThenStillReadingInsideAndWritingAfter() {
        SessionTransactions.reading(() -> SessionTransactions.reading(() -> "inner"));
        String read = SessionTransactions.reading(() -> {
            SessionTransactions.reading(() -> "nested");
            return transactions.execute(status -> "after nested read");
        });
        transactions.execute(status -> "write");

        assertThat(read).isEqualTo("after nested read");
        assertThat(manager.events).containsExactly("begin " + TransactionDefinition.PROPAGATION_REQUIRES_NEW, "commit");
    }

    @Test
    void readingWhenItThrowsThenLaterExecuteHasATransaction() {
        assertThatThrownBy(() -> SessionTransactions.reading(() -> {
            throw new IllegalStateException("read failed");
        })).hasMessage("read failed");
        transactions.execute(status -> "write");

        assertThat(manager.events).containsExactly("begin " + TransactionDefinition.PROPAGATION_REQUIRES_NEW, "commit");
    }
}
