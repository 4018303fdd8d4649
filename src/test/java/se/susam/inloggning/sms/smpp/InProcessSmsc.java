package se.susam.inloggning.sms.smpp;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.EnquireLink;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RawDataCoding;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.ServerResponseDeliveryAdapter;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;

/**
 * An SMSC for tests, built on jsmpp's server side and listening on a real local socket: it accepts
 * one account, records every {@code submit_sm}, answers with a message id and, when asked for one,
 * sends a delivery receipt. Tests can make it drop the connection during a submit, never answer,
 * refuse, or stop and start again on the same port.
 */
public final class InProcessSmsc implements AutoCloseable {

    /** A {@code submit_sm} as the SMSC received it. */
    public record Submitted(String messageId, String systemId, byte sourceTon, String source, byte destTon,
                            String destination, byte dataCoding, byte registeredDelivery, byte[] shortMessage) {
    }

    /** What the SMSC does with the next {@code submit_sm}. */
    public enum Next {
        ACCEPT, DROP_CONNECTION, NEVER_ANSWER, REFUSE_THROTTLED
    }

    private final int port;
    private final String systemId;
    private final String password;
    private final BlockingQueue<Submitted> submitted = new LinkedBlockingQueue<>();
    private final Map<String, Submitted> byId = new ConcurrentHashMap<>();
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private final AtomicInteger binds = new AtomicInteger();
    private final AtomicInteger enquireLinks = new AtomicInteger();
    private final AtomicInteger messageIds = new AtomicInteger(0x1000);
    private final AtomicReference<Next> next = new AtomicReference<>(Next.ACCEPT);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final ExecutorService workers = Executors.newCachedThreadPool(Thread.ofPlatform().daemon().factory());
    private volatile DeliveryReceiptState receiptState = DeliveryReceiptState.DELIVRD;
    private volatile boolean receiptTlvs;
    private SMPPServerSessionListener listener;

    private InProcessSmsc(int port, String systemId, String password) {
        this.port = port;
        this.systemId = systemId;
        this.password = password;
    }

    /** An SMSC on a free local port. */
    public static InProcessSmsc start(String systemId, String password) throws IOException {
        return start(freePort(), systemId, password);
    }

    /** An SMSC on {@code port}, e.g. the port of one that was closed ("restart"). */
    public static InProcessSmsc start(int port, String systemId, String password) throws IOException {
        InProcessSmsc smsc = new InProcessSmsc(port, systemId, password);
        smsc.listen();
        return smsc;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    /** Successful binds so far. */
    public int binds() {
        return binds.get();
    }

    public int enquireLinks() {
        return enquireLinks.get();
    }

    /** The next {@code submit_sm} received, waiting up to {@code timeout}. */
    public Submitted nextSubmitted(Duration timeout) throws InterruptedException, TimeoutException {
        Submitted message = submitted.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (message == null) {
            throw new TimeoutException("no submit_sm within " + timeout);
        }
        return message;
    }

    public boolean receivedNothing() {
        return submitted.isEmpty();
    }

    /** Forgets what was received so far (tests sharing one SMSC). */
    public void forgetReceived() {
        submitted.clear();
    }

    public void onNextSubmit(Next what) {
        next.set(what);
    }

    /** The {@code stat} of the receipts to send, and whether to add the receipt TLVs. */
    public void receipts(DeliveryReceiptState state, boolean withTlvs) {
        this.receiptState = state;
        this.receiptTlvs = withTlvs;
    }

    /** Drops every open connection, as a network failure would. */
    public void dropConnections() {
        sessions.forEach(SMPPServerSession::close);
        sessions.clear();
    }

    @Override
    public void close() throws IOException {
        stopped.countDown();
        listener.close();
        dropConnections();
        workers.shutdownNow();
    }

    private void listen() throws IOException {
        listener = new SMPPServerSessionListener(port);
        listener.setMessageReceiverListener(new Receiver());
        listener.setResponseDeliveryListener(new ServerResponseDeliveryAdapter() {
            @Override
            public void onSubmitSmRespSent(SubmitSmResult result, SMPPServerSession source) {
                Submitted message = byId.get(result.getMessageId());
                if (message != null && (message.registeredDelivery() & 0x03) != 0) {
                    workers.execute(() -> sendReceipt(message, source));
                }
            }
        });
        Thread.ofPlatform().daemon().name("smsc-accept-" + port).start(this::acceptLoop);
    }

    private void acceptLoop() {
        while (stopped.getCount() > 0) {
            try {
                SMPPServerSession session = listener.accept();
                workers.execute(() -> bind(session));
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                if (stopped.getCount() == 0) {
                    return;
                }
            }
        }
    }

    private void bind(SMPPServerSession session) {
        try {
            BindRequest request = session.waitForBind(5_000);
            if (systemId.equals(request.getSystemId()) && password.equals(request.getPassword())) {
                request.accept("insmsc");
                sessions.add(session);
                binds.incrementAndGet();
            } else {
                request.reject(SMPPConstant.STAT_ESME_RINVPASWD);
            }
        } catch (TimeoutException | IOException | PDUStringException e) {
            session.close();
        }
    }

    private void sendReceipt(Submitted message, SMPPServerSession session) {
        Date now = new Date();
        DeliveryReceipt receipt = new DeliveryReceipt(message.messageId(), 1, receiptState == DeliveryReceiptState.DELIVRD ? 1 : 0,
                now, now, receiptState, receiptState == DeliveryReceiptState.DELIVRD ? "000" : "001", "quoted text");
        OptionalParameter[] tlvs = receiptTlvs
                ? new OptionalParameter[]{new OptionalParameter.Receipted_message_id(message.messageId()),
                new OptionalParameter.Message_state((byte) receiptState.value())}
                : new OptionalParameter[0];
        try {
            session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, message.destination(),
                    TypeOfNumber.valueOf(message.sourceTon()), NumberingPlanIndicator.UNKNOWN, message.source(),
                    new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                    (byte) 0, (byte) 0, new RegisteredDelivery(0), new RawDataCoding((byte) 0),
                    receipt.toString().getBytes(StandardCharsets.US_ASCII), tlvs);
        } catch (Exception e) {
            // The client went away; a real SMSC would try again later.
        }
    }

    private final class Receiver implements ServerMessageReceiverListener {

        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source) throws ProcessRequestException {
            Next what = next.getAndSet(Next.ACCEPT);
            if (what == Next.DROP_CONNECTION) {
                sessions.remove(source);
                workers.execute(source::close);
                awaitClosed(source);
                throw new ProcessRequestException("connection dropped", SMPPConstant.STAT_ESME_RSYSERR);
            }
            if (what == Next.NEVER_ANSWER) {
                awaitStop();
                throw new ProcessRequestException("stopped", SMPPConstant.STAT_ESME_RSYSERR);
            }
            if (what == Next.REFUSE_THROTTLED) {
                throw new ProcessRequestException("throttled", SMPPConstant.STAT_ESME_RTHROTTLED);
            }
            String id = Integer.toHexString(messageIds.incrementAndGet());
            Submitted message = new Submitted(id, systemId, submitSm.getSourceAddrTon(), submitSm.getSourceAddr(),
                    submitSm.getDestAddrTon(), submitSm.getDestAddress(), submitSm.getDataCoding(),
                    submitSm.getRegisteredDelivery(), submitSm.getShortMessage());
            byId.put(id, message);
            submitted.add(message);
            try {
                return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
            } catch (PDUStringException e) {
                throw new ProcessRequestException("bad id", SMPPConstant.STAT_ESME_RSYSERR, e);
            }
        }

        @Override
        public void onAcceptEnquireLink(EnquireLink enquireLink, Session source) {
            enquireLinks.incrementAndGet();
        }

        private void awaitClosed(SMPPServerSession session) {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (session.getSessionState() != SessionState.CLOSED && System.nanoTime() < until) {
                Thread.onSpinWait();
            }
        }

        private void awaitStop() {
            try {
                stopped.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static ProcessRequestException notSupported() {
            return new ProcessRequestException("not supported by the test SMSC", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source) throws ProcessRequestException {
            throw notSupported();
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
            throw notSupported();
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw notSupported();
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw notSupported();
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw notSupported();
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw notSupported();
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw notSupported();
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw notSupported();
        }
    }
}
