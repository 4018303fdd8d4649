package se.susam.inloggning.bankidlogin;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import se.susam.inloggning.bankid.CompletionData;
import se.susam.inloggning.bankid.OrderResponse;
import se.susam.inloggning.identity.Personnummer;

/**
 * BankID logins in the database, so any node can serve any poll. Every change is a conditional
 * update on the status (and, for collect, on the time of the last collect), so two nodes or two tabs
 * never both collect within the interval, both restart an order or both complete a login. The time
 * of the last collect lives in its own narrow table, {@code bankid_collect}, with a row while the
 * login is pending, so a claim rewrites two columns instead of the whole login row.
 */
@Repository
class BankIdLogins {

    enum Status { PENDING, COMPLETE, FAILED, CANCELLED, CONSUMED }

    enum Device { SAME, OTHER }

    /** One login as stored. The QR secret stays here, on the server. */
    record Login(String id, String orderRef, String autoStartToken, String qrStartToken, String qrStartSecret,
                 Instant orderStartedAt, Instant loginStartedAt, Device device, boolean mobile, String endUserIp,
                 String userAgent, String referringDomain, String deviceIdentifier, String returnUrl,
                 String returnNonce, Status status, String hintCode, String errorCode, String rfa, int restarts,
                 Personnummer personnummer, Instant lastCollectAt, String pollTokenHash) {

        /** This login after a collect at {@code at} that found it still pending with {@code hint}. */
        Login collected(Instant at, String hint) {
            return new Login(id, orderRef, autoStartToken, qrStartToken, qrStartSecret, orderStartedAt,
                    loginStartedAt, device, mobile, endUserIp, userAgent, referringDomain, deviceIdentifier,
                    returnUrl, returnNonce, status, hint, errorCode, rfa, restarts, personnummer, at, pollTokenHash);
        }
    }

    private static final String COLUMNS = """
            id, order_ref, auto_start_token, qr_start_token, qr_start_secret, order_started_at, login_started_at,
            device, mobile, end_user_ip, user_agent, referring_domain, device_identifier, return_url, return_nonce,
            status, hint_code, error_code, rfa, restarts, personnummer, poll_token_hash""";
    /** A login with the time of its last collect (none once it has ended). */
    private static final String SELECT = "SELECT " + COLUMNS
            + ", c.last_collect_at FROM bankid_login LEFT JOIN bankid_collect c ON c.login_id = id";

    private final JdbcClient jdbc;

    BankIdLogins(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    void create(Login login) {
        jdbc.sql("INSERT INTO bankid_login (" + COLUMNS + """
                ) VALUES (:id, :orderRef, :ast, :qrt, :qrs, :orderStarted, :loginStarted, :device, :mobile, :ip,
                          :ua, :domain, :deviceId, :returnUrl, :nonce, :status, NULL, NULL, NULL, 0, NULL, :poll)""")
                .param("id", login.id()).param("orderRef", login.orderRef())
                .param("ast", login.autoStartToken()).param("qrt", login.qrStartToken())
                .param("qrs", login.qrStartSecret())
                .param("orderStarted", utc(login.orderStartedAt())).param("loginStarted", utc(login.loginStartedAt()))
                .param("device", login.device().name()).param("mobile", login.mobile())
                .param("ip", login.endUserIp()).param("ua", login.userAgent()).param("domain", login.referringDomain())
                .param("deviceId", login.deviceIdentifier()).param("returnUrl", login.returnUrl())
                .param("nonce", login.returnNonce()).param("status", Status.PENDING.name())
                .param("poll", login.pollTokenHash())
                .update();
        jdbc.sql("INSERT INTO bankid_collect (login_id, last_collect_at) VALUES (:id, NULL)")
                .param("id", login.id()).update();
    }

    Optional<Login> find(String id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(LOGIN)
                .optional();
    }

    /** The login whose waiting page polls with the token of this hash. */
    Optional<Login> findByPollTokenHash(String pollTokenHash) {
        return jdbc.sql(SELECT + " WHERE poll_token_hash = :hash")
                .param("hash", pollTokenHash).query(LOGIN).optional();
    }

    private static final RowMapper<Login> LOGIN = (rs, i) -> new Login(rs.getString("id"), rs.getString("order_ref"),
            rs.getString("auto_start_token"), rs.getString("qr_start_token"), rs.getString("qr_start_secret"),
            rs.getObject("order_started_at", OffsetDateTime.class).toInstant(),
            rs.getObject("login_started_at", OffsetDateTime.class).toInstant(),
            Device.valueOf(rs.getString("device")), rs.getBoolean("mobile"), rs.getString("end_user_ip"),
            rs.getString("user_agent"), rs.getString("referring_domain"),
            rs.getString("device_identifier"), rs.getString("return_url"), rs.getString("return_nonce"),
            Status.valueOf(rs.getString("status")), rs.getString("hint_code"),
            rs.getString("error_code"), rs.getString("rfa"), rs.getInt("restarts"),
            rs.getString("personnummer") == null ? null : new Personnummer(rs.getString("personnummer")),
            rs.getObject("last_collect_at", OffsetDateTime.class) == null ? null
                    : rs.getObject("last_collect_at", OffsetDateTime.class).toInstant(),
            rs.getString("poll_token_hash"));

    /**
     * Claims the right to call {@code /collect} now: true for exactly one caller per interval,
     * whichever node it runs on (BankID: at most one collect per order every two seconds).
     */
    boolean claimCollect(String id, Instant now, Instant notAfter) {
        return jdbc.sql("""
                UPDATE bankid_collect SET last_collect_at = :now
                WHERE login_id = :id AND (last_collect_at IS NULL OR last_collect_at <= :notAfter)""")
                .param("now", utc(now)).param("id", id).param("notAfter", utc(notAfter)).update() == 1;
    }

    void recordHint(String id, String hintCode) {
        jdbc.sql("UPDATE bankid_login SET hint_code = :hint WHERE id = :id AND status = 'PENDING'")
                .param("hint", hintCode).param("id", id).update();
    }

    /** Replaces a failed order ({@code startFailed}) by a new one; false if no longer pending. */
    @Transactional
    boolean restart(String id, OrderResponse order, Instant now) {
        boolean restarted = jdbc.sql("""
                UPDATE bankid_login SET order_ref = :orderRef, auto_start_token = :ast, qr_start_token = :qrt,
                       qr_start_secret = :qrs, order_started_at = :now, hint_code = NULL, restarts = restarts + 1
                WHERE id = :id AND status = 'PENDING'""")
                .param("orderRef", order.orderRef()).param("ast", order.autoStartToken())
                .param("qrt", order.qrStartToken()).param("qrs", order.qrStartSecret()).param("now", utc(now))
                .param("id", id).update() == 1;
        if (restarted) {
            jdbc.sql("UPDATE bankid_collect SET last_collect_at = NULL WHERE login_id = :id").param("id", id).update();
        }
        return restarted;
    }

    @Transactional
    boolean fail(String id, String hintCode, String errorCode, String rfa) {
        return ended(id, jdbc.sql("""
                UPDATE bankid_login SET status = 'FAILED', hint_code = :hint, error_code = :code, rfa = :rfa,
                       qr_start_secret = NULL
                WHERE id = :id AND status = 'PENDING'""")
                .param("hint", hintCode).param("code", errorCode).param("rfa", rfa).param("id", id).update() == 1);
    }

    @Transactional
    boolean cancel(String id) {
        return ended(id, jdbc.sql("""
                UPDATE bankid_login SET status = 'CANCELLED', qr_start_secret = NULL
                WHERE id = :id AND status = 'PENDING'""").param("id", id).update() == 1);
    }

    /** A login that has just ended ({@code ended}) is no longer collected: its claim row goes. */
    private boolean ended(String id, boolean ended) {
        if (ended) {
            jdbc.sql("DELETE FROM bankid_collect WHERE login_id = :id").param("id", id).update();
        }
        return ended;
    }

    /** Marks the login complete and keeps BankID's completionData as evidence of it. */
    @Transactional
    boolean complete(Login login, Personnummer personnummer, CompletionData data, String correlationId, Instant now) {
        boolean completed = ended(login.id(), jdbc.sql("""
                UPDATE bankid_login SET status = 'COMPLETE', personnummer = :pnr, hint_code = NULL,
                       qr_start_secret = NULL
                WHERE id = :id AND status = 'PENDING'""")
                .param("pnr", personnummer.value()).param("id", login.id()).update() == 1);
        if (completed) {
            jdbc.sql("""
                    INSERT INTO bankid_completion (order_ref, login_id, personnummer, given_name, surname, device_ip,
                                                   device_uhi, bankid_issue_date, step_up_mrtd, risk, signature,
                                                   ocsp_response, correlation_id, completed_at)
                    VALUES (:orderRef, :loginId, :pnr, :given, :surname, :ip, :uhi, :issued, :mrtd, :risk, :signature,
                            :ocsp, :cid, :at)""")
                    .param("orderRef", login.orderRef()).param("loginId", login.id())
                    .param("pnr", personnummer.value())
                    .param("given", data.user().givenName()).param("surname", data.user().surname())
                    .param("ip", data.device() == null ? null : data.device().ipAddress())
                    .param("uhi", data.device() == null ? null : data.device().uhi())
                    .param("issued", data.bankIdIssueDate())
                    .param("mrtd", data.stepUp() == null ? null : data.stepUp().mrtd())
                    .param("risk", data.risk()).param("signature", data.signature())
                    .param("ocsp", data.ocspResponse()).param("cid", correlationId).param("at", utc(now))
                    .update();
        }
        return completed;
    }

    /**
     * Forgets logins started before {@code cutoff}: they are long over (BankID orders live 3 minutes).
     * Their claim rows, if any are left, go with them ({@code ON DELETE CASCADE}).
     */
    int purgeStartedBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM bankid_login WHERE login_started_at < :cutoff").param("cutoff", utc(cutoff))
                .update();
    }

    /** Hands a complete login to the session exactly once. */
    boolean consume(String id) {
        return jdbc.sql("UPDATE bankid_login SET status = 'CONSUMED' WHERE id = :id AND status = 'COMPLETE'")
                .param("id", id).update() == 1;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
