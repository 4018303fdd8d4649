package se.susam.inloggning.sms.smpp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RawDataCoding;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.connection.Connection;
import org.jsmpp.session.connection.socket.SocketConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import se.susam.inloggning.sms.SmsMessage;
import se.susam.inloggning.sms.SmsProperties;
import se.susam.inloggning.sms.SmsSendException;
import se.susam.inloggning.sms.operator.DeliveryReport;
import se.susam.inloggning.sms.operator.SmsAlphabet;
import se.susam.inloggning.sms.operator.SmsOperator;

/**
 * An SMPP 3.4 client (jsmpp) bound to one SMSC account. It binds in the background at
 * {@link #start()}, keeps the link alive with {@code enquire_link} (§4.11), and binds again with a
 * doubling wait when the connection is lost. A send finding no bound session binds at once.
 *
 * <p>Each message is one {@code submit_sm} (§4.4) with a single segment: GSM 7-bit or UCS-2 by the
 * text, a flash SMS as message class 0 ({@code data_coding} 0x10 or 0x18, TS 23.038 §4), and, when
 * bound as transceiver, {@code registered_delivery} 0x01 so that the SMSC returns a delivery receipt
 * as {@code deliver_sm} (§4.6.1, Appendix B). A connection lost after the {@code submit_sm} was
 * written leaves its fate unknown: the send fails rather than risk a second copy on this link.
 */
public final class SmppSmsOperator implements SmsOperator, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmppSmsOperator.class);

    private final SmsProperties.Smpp account;
    private final SourceAddress source;
    private final SmppDeliveryReceipts receipts;
    private final ScheduledExecutorService binder = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("smpp-bind").daemon().factory());
    private final ReentrantLock bindLock = new ReentrantLock();
    private final AtomicBoolean bindScheduled = new AtomicBoolean();
    private volatile SMPPSession session;
    private volatile Duration backoff;
    private volatile BindFailure lastBindFailure;
    private volatile boolean closed;

    /**
     * @param account the SMSC account
     * @param sender  the sender id: alphanumeric, or an E.164 number
     * @param reports receives every delivery receipt the SMSC sends
     */
    public SmppSmsOperator(SmsProperties.Smpp account, String sender, Consumer<DeliveryReport> reports, Clock clock) {
        this.account = account;
        this.source = SourceAddress.of(sender);
        this.receipts = new SmppDeliveryReceipts(reports, clock);
        this.backoff = account.reconnectInitialDelay();
    }

    /** Binds in the background, so that delivery receipts flow before the first message. */
    public void start() {
        scheduleBind(Duration.ZERO);
    }

    @Override
    public String submit(SmsMessage message) {
        SmsAlphabet alphabet = SmsAlphabet.of(message.text());
        if (!SmsAlphabet.fitsOneSegment(message.text())) {
            throw new SmsSendException("SMPP: the text does not fit one SMS segment (%d of %d %s characters)"
                    .formatted(alphabet.units(message.text()), alphabet.singleSegment(), alphabet));
        }
        SMPPSession bound;
        try {
            bound = sessionForSubmit();
        } catch (IOException e) {
            scheduleBind(backoff);
            throw new SmsSendException("SMPP: no bound session to " + where() + " (" + e.getMessage() + ")", e);
        }
        try {
            String messageId = bound.submitShortMessage("", source.ton(), source.npi(), source.address(),
                    TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, message.to().e164().substring(1),
                    new ESMClass(), (byte) 0, (byte) 0, null, null, registeredDelivery(), (byte) 0,
                    new RawDataCoding(dataCoding(alphabet, message.flash())), (byte) 0, alphabet.encode(message.text()))
                    .getMessageId();
            log.info("SMPP submit_sm to {} accepted by {} as {}", message.to().masked(), where(), messageId);
            return messageId;
        } catch (NegativeResponseException e) {
            throw new SmsSendException("SMPP: %s refused submit_sm with command_status 0x%08X"
                    .formatted(where(), e.getCommandStatus()), e);
        } catch (ResponseTimeoutException e) {
            throw new SmsSendException("SMPP: no submit_sm_resp from " + where() + " within " + account.responseTimeout(), e);
        } catch (PDUException | InvalidResponseException e) {
            throw new SmsSendException("SMPP: submit_sm to " + where() + " failed (" + e.getClass().getSimpleName() + ")", e);
        } catch (IOException e) {
            throw new SmsSendException("SMPP: connection to " + where() + " lost while submitting (" + e.getMessage() + ")", e);
        }
    }

    /** Unbinds and stops binding again. */
    @Override
    public void close() {
        closed = true;
        binder.shutdownNow();
        SMPPSession current = session;
        if (current != null) {
            current.unbindAndClose();
        }
    }

    /**
     * TS 23.038 §4 data coding scheme: 0x00 GSM 7-bit, 0x08 UCS-2; with bit 4 set and class bits 00
     * the message is class 0, a flash SMS: 0x10 and 0x18.
     */
    static byte dataCoding(SmsAlphabet alphabet, boolean flash) {
        int coding = alphabet == SmsAlphabet.GSM_7 ? 0x00 : 0x08;
        return (byte) (flash ? coding | 0x10 : coding);
    }

    private RegisteredDelivery registeredDelivery() {
        return new RegisteredDelivery(account.bindType() == SmsProperties.Smpp.BindType.TRANSCEIVER
                ? SMSCDeliveryReceipt.SUCCESS_FAILURE : SMSCDeliveryReceipt.DEFAULT);
    }

    /**
     * The bound session, binding now if there is none, unless a bind failed within the current
     * backoff: then the send fails at once (and a fallback operator gets the message) instead of
     * making the user wait for another connect and bind timeout.
     */
    private SMPPSession sessionForSubmit() throws IOException {
        SMPPSession current = session;
        BindFailure failure = lastBindFailure;
        boolean bound = current != null && current.getSessionState().isBound();
        if (!bound && failure != null && System.nanoTime() - failure.atNanos() < backoff.toNanos()) {
            throw new IOException("the last bind failed (" + failure.reason() + "); binding again in the background");
        }
        return boundSession();
    }

    private SMPPSession boundSession() throws IOException {
        SMPPSession current = session;
        if (current != null && current.getSessionState().isBound()) {
            return current;
        }
        bindLock.lock();
        try {
            current = session;
            if (current != null && current.getSessionState().isBound()) {
                return current;
            }
            if (closed) {
                throw new IOException("the SMPP client is closed");
            }
            SMPPSession fresh;
            try {
                fresh = bind();
            } catch (IOException e) {
                lastBindFailure = new BindFailure(System.nanoTime(), e.getMessage());
                throw e;
            }
            session = fresh;
            lastBindFailure = null;
            backoff = account.reconnectInitialDelay();
            return fresh;
        } finally {
            bindLock.unlock();
        }
    }

    private SMPPSession bind() throws IOException {
        SMPPSession fresh = new SMPPSession(this::connect);
        fresh.setEnquireLinkTimer(millis(account.enquireLinkInterval()));
        fresh.setTransactionTimer(account.responseTimeout().toMillis());
        fresh.setMessageReceiverListener(receipts);
        AtomicBoolean established = new AtomicBoolean();
        fresh.addSessionStateListener((newState, oldState, source) -> {
            if (newState == SessionState.CLOSED && established.get()) {
                connectionLost();
            }
        });
        BindType bindType = account.bindType() == SmsProperties.Smpp.BindType.TRANSCEIVER
                ? BindType.BIND_TRX : BindType.BIND_TX;
        fresh.connectAndBind(account.host(), account.port(), new BindParameter(bindType, account.systemId(),
                account.password(), account.systemType(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null),
                account.bindTimeout().toMillis());
        established.set(true);
        log.info("SMPP bound to {} as {} ({})", where(), account.systemId(), account.bindType());
        if (!fresh.getSessionState().isBound()) {
            connectionLost();
        }
        return fresh;
    }

    private Connection connect(String host, int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), millis(account.connectTimeout()));
            return new SocketConnection(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private void connectionLost() {
        if (!closed) {
            log.warn("SMPP connection to {} lost; binding again in {}", where(), backoff);
            scheduleBind(backoff);
        }
    }

    private void scheduleBind(Duration after) {
        if (closed || !bindScheduled.compareAndSet(false, true)) {
            return;
        }
        try {
            binder.schedule(this::bindInBackground, after.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            bindScheduled.set(false);
        }
    }

    private void bindInBackground() {
        bindScheduled.set(false);
        if (closed) {
            return;
        }
        try {
            boundSession();
        } catch (IOException e) {
            Duration wait = backoff;
            Duration doubled = wait.multipliedBy(2);
            backoff = doubled.compareTo(account.reconnectMaxDelay()) > 0 ? account.reconnectMaxDelay() : doubled;
            log.warn("SMPP bind to {} failed ({}); next attempt in {}", where(), e.getMessage(), wait);
            scheduleBind(wait);
        }
    }

    private String where() {
        return account.host() + ":" + account.port();
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }

    private record BindFailure(long atNanos, String reason) {
    }

    /** {@code source_addr} with its TON and NPI (SMPP 3.4 §5.2.5, §5.2.6). */
    private record SourceAddress(TypeOfNumber ton, NumberingPlanIndicator npi, String address) {

        static SourceAddress of(String sender) {
            return sender.startsWith("+")
                    ? new SourceAddress(TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, sender.substring(1))
                    : new SourceAddress(TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, sender);
        }
    }
}
