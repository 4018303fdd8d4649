package se.susam.inloggning.sms;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntSupplier;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import se.susam.inloggning.identity.PhoneNumber;
import se.susam.inloggning.sms.operator.DeliveryReport;

/**
 * The delivery status of every SMS a real operator accepted ({@code sms_delivery}). Each record is
 * written in its own transaction: an SMS that left cannot be un-sent by the caller's rollback.
 */
public class SmsDeliveries {

    private static final List<String> FINAL = Arrays.stream(SmsDeliveryStatus.values())
            .filter(SmsDeliveryStatus::isFinal).map(Enum::name).toList();

    private final JdbcClient jdbc;
    private final TransactionTemplate newTransaction;
    private final Clock clock;

    SmsDeliveries(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** The newest SMS sent to {@code to}, newest first, with their delivery status. */
    public List<SmsDelivery> recentTo(PhoneNumber to, int limit) {
        return jdbc.sql("""
                        SELECT gateway, operator_message_id, to_e164, flash, status, operator_status, submitted_at, status_at
                        FROM sms_delivery WHERE to_e164 = :to ORDER BY submitted_at DESC, id DESC LIMIT :n""")
                .param("to", to.e164()).param("n", limit)
                .query((rs, i) -> new SmsDelivery(SmsProperties.Gateway.valueOf(rs.getString(1)), rs.getString(2),
                        new PhoneNumber(rs.getString(3)), rs.getBoolean(4), SmsDeliveryStatus.valueOf(rs.getString(5)),
                        rs.getString(6), rs.getObject(7, OffsetDateTime.class).toInstant(),
                        rs.getObject(8, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** The operator accepted {@code message} and gave it {@code operatorMessageId}. */
    void submitted(SmsProperties.Gateway gateway, String operatorMessageId, SmsMessage message) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Runnable fillIn = () -> jdbc.sql("""
                        UPDATE sms_delivery SET to_e164 = :to, flash = :flash, submitted_at = :at
                        WHERE gateway = :gateway AND operator_message_id = :id AND submitted_at IS NULL""")
                .param("to", message.to().e164()).param("flash", message.flash()).param("at", now)
                .param("gateway", gateway.name()).param("id", operatorMessageId).update();
        insertOrElse(() -> jdbc.sql("""
                        INSERT INTO sms_delivery (gateway, operator_message_id, to_e164, flash, status, submitted_at, status_at)
                        SELECT :gateway, :id, :to, :flash, 'SUBMITTED', :at, :at
                        WHERE NOT EXISTS (SELECT 1 FROM sms_delivery WHERE gateway = :gateway AND operator_message_id = :id)""")
                .param("gateway", gateway.name()).param("id", operatorMessageId)
                .param("to", message.to().e164()).param("flash", message.flash()).param("at", now).update(), fillIn);
    }

    /** The operator reported on a message; a final status is never replaced. */
    void reported(SmsProperties.Gateway gateway, DeliveryReport report) {
        OffsetDateTime at = report.at().atOffset(ZoneOffset.UTC);
        Runnable update = () -> jdbc.sql("""
                        UPDATE sms_delivery SET status = :status, operator_status = :detail, status_at = :at
                        WHERE gateway = :gateway AND operator_message_id = :id AND status NOT IN (:final)""")
                .param("status", report.status().name()).param("detail", report.detail()).param("at", at)
                .param("gateway", gateway.name()).param("id", report.operatorMessageId()).param("final", FINAL)
                .update();
        insertOrElse(() -> jdbc.sql("""
                        INSERT INTO sms_delivery (gateway, operator_message_id, status, operator_status, status_at)
                        SELECT :gateway, :id, :status, :detail, :at
                        WHERE NOT EXISTS (SELECT 1 FROM sms_delivery WHERE gateway = :gateway AND operator_message_id = :id)""")
                .param("gateway", gateway.name()).param("id", report.operatorMessageId())
                .param("status", report.status().name()).param("detail", report.detail()).param("at", at)
                .update(), update);
    }

    /**
     * Runs {@code insertIfAbsent}; if the row was already there, or another node inserted it at the
     * same moment (unique key), runs {@code otherwise} instead.
     */
    private void insertOrElse(IntSupplier insertIfAbsent, Runnable otherwise) {
        try {
            newTransaction.executeWithoutResult(status -> {
                if (insertIfAbsent.getAsInt() == 0) {
                    otherwise.run();
                }
            });
        } catch (DuplicateKeyException insertedConcurrently) {
            newTransaction.executeWithoutResult(status -> otherwise.run());
        }
    }
}
