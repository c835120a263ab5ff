package org.risala.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.InterfaceVersion;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
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
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;
import org.jsmpp.util.MessageId;
import org.risala.sms.ConcatenationHeader;
import org.risala.sms.Encoding;
import org.risala.sms.MessageText;
import org.risala.sms.SmsCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SMSC on the loopback interface, built on jSMPP's server side. Plain Java: tests create one on port 0 and bind a
 * real jSMPP client to {@link #port()}; the application runs one through {@link SimulatorConfiguration}.
 * <p>
 * Accepts any TX, RX or TRX bind, answers each submit_sm with a fresh message id, puts the reassembled text into the
 * destination handset's inbox and, when registered_delivery asks for it, sends a receipt {@link
 * SimulatorSettings#receiptDelay()} after the submit_sm_resp went out. {@link #injectMo} plays a citizen texting a
 * short code. Faults come from the {@link SimulatorSettings} it was created with, read for every PDU.
 */
public final class SmscSimulator {

    private static final Logger log = LoggerFactory.getLogger(SmscSimulator.class);

    /** the system_id the simulator answers binds with */
    public static final String SYSTEM_ID = "risala-sim";

    static final int INBOX_CAPACITY = 200_000;
    private static final int INCOMPLETE_CAPACITY = 20_000;
    private static final int BIND_TIMEOUT_MILLIS = 5_000;
    /** PDUs of one session processed at once; at least a client's window, so responseDelay delays all of them alike */
    private static final int PROCESSOR_DEGREE = 64;
    private static final int QUEUE_CAPACITY = 2_000;

    private static final ESMClass MO = new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT,
            GSMSpecificFeature.DEFAULT);
    private static final ESMClass MO_WITH_UDH = new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT,
            GSMSpecificFeature.UDHI);

    private final SimulatorSettings settings;
    private final Esmes esmes = new Esmes();
    private final Handsets handsets = new Handsets(INBOX_CAPACITY);
    private final Reassembly reassembly = new Reassembly(INCOMPLETE_CAPACITY);
    private final ReceiptCourier courier = new ReceiptCourier(esmes);
    // seeded randomly so ids differ between runs, like a real SMSC's; 0x10000000+ gives 8 hex digits, < 2^31 keeps
    // the decimal form within the 10 digits SMPP 3.4 Appendix B allows
    private final AtomicLong nextId = new AtomicLong(
            ThreadLocalRandom.current().nextLong(0x10000000L, 0x60000000L));
    private final AtomicInteger moReference = new AtomicInteger(ThreadLocalRandom.current().nextInt(256));
    private final LongAdder submitsReceived = new LongAdder();
    private final LongAdder submitsRefused = new LongAdder();
    private final LongAdder partsAccepted = new LongAdder();
    private final LongAdder handsetMessages = new LongAdder();
    private final LongAdder moSent = new LongAdder();

    private volatile SMPPServerSessionListener listener;
    private volatile int port;
    private volatile ExecutorService binds;
    private volatile boolean running;

    public SmscSimulator(SimulatorSettings settings) {
        this.settings = settings;
    }

    public SimulatorSettings settings() {
        return settings;
    }

    /** listens on the loopback address only; 0 picks a free port, see {@link #port()} */
    public void start(int port) {
        open(port);
        serve();
    }

    /**
     * Binds the listening socket without accepting yet, so the real port is known before the application's SMPP
     * clients start; connections arriving meanwhile wait in the backlog.
     */
    synchronized void open(int port) {
        if (listener != null) {
            throw new IllegalStateException("the simulator is already listening on port " + port());
        }
        LoopbackConnectionFactory loopback = new LoopbackConnectionFactory();
        try {
            listener = new SMPPServerSessionListener(port, loopback);
            this.port = loopback.socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on loopback port " + port, e);
        }
        listener.setPduProcessorDegree(PROCESSOR_DEGREE);
        listener.setQueueCapacity(QUEUE_CAPACITY);
        listener.setInitiationTimer(BIND_TIMEOUT_MILLIS);
        listener.setMessageReceiverListener(new Submits());
        listener.setResponseDeliveryListener(new ResponsesSent());
        listener.setSessionStateListener(this::onStateChange);
    }

    synchronized void serve() {
        if (listener == null) {
            throw new IllegalStateException("open(port) first");
        }
        if (running) {
            return;
        }
        running = true;
        binds = Executors.newCachedThreadPool(daemon("smsc-sim-bind"));
        courier.start(settings.receiptSenders());
        Thread acceptor = new Thread(this::acceptWhileRunning, "smsc-sim-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** the port actually listened on */
    public int port() {
        if (listener == null) {
            throw new IllegalStateException("the simulator is not started");
        }
        return port;
    }

    /** unbinds every session, then stops listening; receipts not yet sent are discarded */
    public synchronized void stop() {
        running = false;
        SMPPServerSessionListener current = listener;
        listener = null;
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                log.debug("Closing the simulator's listener", e);
            }
        }
        unbindAll();
        courier.stop();
        if (binds != null) {
            binds.shutdownNow();
            binds = null;
        }
    }

    /** true when an RX or TRX session is bound, i.e. receipts and MO can be delivered */
    public boolean hasReceiver() {
        return esmes.hasReceiver();
    }

    /** the handset's messages, oldest first; the number may be given with or without '+' */
    public List<HandsetMessage> inbox(String number) {
        return handsets.inbox(Numbers.toE164(number));
    }

    public void clearInboxes() {
        handsets.clear();
    }

    public SimulatorStats stats() {
        return new SimulatorStats(submitsReceived.sum(), submitsRefused.sum(), partsAccepted.sum(),
                handsetMessages.sum(), courier.sent(), courier.dropped(), moSent.sum(), esmes.bound());
    }

    /** closes every socket without unbind, as an operator restart or a network cut does */
    public void dropConnections() {
        esmes.all().forEach(bound -> bound.session().close());
    }

    /** unbinds every bound session cleanly (unbind, wait for unbind_resp, close), all at once */
    public void unbindAll() {
        List<CompletableFuture<Void>> unbinds = esmes.all().stream()
                .map(Esmes.Bound::session)
                .filter(session -> session.getSessionState().isBound())
                .map(session -> CompletableFuture.runAsync(session::unbindAndClose))
                .toList();
        unbinds.forEach(CompletableFuture::join);
    }

    /**
     * A citizen's message to Risala: deliver_sm from {@code from} (TON 1, NPI 1, digits without '+') to {@code to}
     * (a short code goes with TON 0 unknown, NPI 1 ISDN, which every SMSC we know accepts; a full number with TON 1).
     * Text that does not fit one SMS is sent in parts with an 8-bit-reference UDH. Waits for each deliver_sm_resp.
     *
     * @throws IllegalStateException when no RX or TRX session is bound, or the client refuses a part
     */
    public MoResult injectMo(String from, String to, String text) {
        if (!Numbers.isNumber(from)) {
            throw new IllegalArgumentException("from must be a phone number, was '" + from + "'");
        }
        SMPPServerSession receiver = esmes.anyReceiver()
                .orElseThrow(() -> new IllegalStateException("no receiver (RX or TRX) is bound to the simulator"));
        MessageText message = MessageText.of(text);
        Encoding encoding = message.encoding();
        List<String> parts = message.parts(false);
        String source = Numbers.toSmpp(Numbers.toE164(from));
        boolean toNumber = Numbers.toE164(to).startsWith("+");
        String destination = toNumber ? Numbers.toSmpp(Numbers.toE164(to)) : to.strip();
        TypeOfNumber destinationTon = toNumber ? TypeOfNumber.INTERNATIONAL : TypeOfNumber.UNKNOWN;
        int reference = moReference.getAndIncrement() & 0xFF;
        for (int i = 0; i < parts.size(); i++) {
            byte[] body = SmsCodec.encode(encoding, parts.get(i));
            byte[] shortMessage = body;
            if (parts.size() > 1) {
                byte[] udh = new ConcatenationHeader(reference, parts.size(), i + 1, false).toUdh();
                shortMessage = new byte[udh.length + body.length];
                System.arraycopy(udh, 0, shortMessage, 0, udh.length);
                System.arraycopy(body, 0, shortMessage, udh.length, body.length);
            }
            try {
                receiver.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, source,
                        destinationTon, NumberingPlanIndicator.ISDN, destination, parts.size() > 1 ? MO_WITH_UDH : MO,
                        (byte) 0, (byte) 0, new RegisteredDelivery(0), DataCodings.newInstance(encoding.dataCoding()),
                        shortMessage);
            } catch (NegativeResponseException e) {
                throw new IllegalStateException("the client refused MO part " + (i + 1) + " with 0x"
                        + Integer.toHexString(e.getCommandStatus()), e);
            } catch (PDUException | ResponseTimeoutException | InvalidResponseException | IOException e) {
                throw new IllegalStateException("MO part " + (i + 1) + " was not delivered: " + e.getMessage(), e);
            }
        }
        moSent.increment();
        return new MoResult(parts.size());
    }

    private void acceptWhileRunning() {
        while (running) {
            SMPPServerSessionListener current = listener;
            if (current == null) {
                return;
            }
            try {
                SMPPServerSession session = current.accept();
                binds.execute(() -> awaitBind(session));
            } catch (IOException e) {
                if (running) {
                    log.warn("Simulator stopped accepting connections", e);
                }
                return;
            } catch (RuntimeException e) {
                // the executor rejects work once stop() shut it down
                if (running) {
                    log.warn("Simulator could not take a connection", e);
                }
            }
        }
    }

    private void awaitBind(SMPPServerSession session) {
        try {
            BindRequest request = session.waitForBind(BIND_TIMEOUT_MILLIS);
            if (settings.refuseBinds()) {
                request.reject(SMPPConstant.STAT_ESME_RBINDFAIL);
                return;
            }
            esmes.add(session, request.getSystemId());
            request.accept(SYSTEM_ID, InterfaceVersion.IF_34);
            log.debug("Simulator bound {} as {}", request.getSystemId(), request.getBindType());
        } catch (TimeoutException e) {
            log.debug("No bind within {} ms, connection closed", BIND_TIMEOUT_MILLIS);
        } catch (IOException | PDUException | IllegalStateException e) {
            log.debug("Bind failed", e);
            esmes.remove(session);
            session.close();
        }
    }

    private void onStateChange(SessionState newState, SessionState oldState, Session source) {
        if (newState == SessionState.CLOSED) {
            esmes.remove(source);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The submit_sm handling: faults first, then id, inbox and receipt. Runs on the session's PDU threads. */
    private final class Submits implements ServerMessageReceiverListener {

        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession session)
                throws ProcessRequestException {
            submitsReceived.increment();
            delay(settings.responseDelay());
            ThreadLocalRandom random = ThreadLocalRandom.current();
            if (random.nextDouble() < settings.throttleFraction()) {
                submitsRefused.increment();
                throw new ProcessRequestException("throttled", SMPPConstant.STAT_ESME_RTHROTTLED);
            }
            int errorStatus = settings.submitErrorStatus();
            if (random.nextDouble() < settings.submitErrorFraction()) {
                submitsRefused.increment();
                throw new ProcessRequestException("injected error", errorStatus);
            }
            SubmittedPart part;
            try {
                part = SubmittedPart.of(submit);
            } catch (RuntimeException e) {
                submitsRefused.increment();
                throw new ProcessRequestException("cannot decode: " + e.getMessage(),
                        SMPPConstant.STAT_ESME_RINVMSGLEN);
            }
            long id = nextId.getAndIncrement();
            MessageIdStyle style = settings.messageIdStyle();
            String responseId = style.inResponse(id);
            Instant now = Instant.now();
            partsAccepted.increment();
            reassembly.add(part, responseId, now).ifPresent(message -> {
                handsets.receive(message);
                handsetMessages.increment();
            });
            Receipt receipt = receiptFor(submit, part, esmes.systemIdOf(session), style.inReceipt(id), now);
            if (receipt != null && settings.receiptBeforeResponse()) {
                int copies = settings.duplicateReceipts() ? 2 : 1;
                for (int i = 0; i < copies; i++) {
                    courier.sendNow(receipt);
                }
                receipt = null;
            }
            try {
                return new AcceptedPart(new MessageId(responseId), receipt);
            } catch (PDUException e) {
                throw new ProcessRequestException("invalid message id " + responseId, SMPPConstant.STAT_ESME_RSYSERR);
            }
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession session)
                throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession session)
                throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession session) throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession session) throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession session)
                throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession session)
                throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm,
                                                               SMPPServerSession session)
                throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw unsupported();
        }

        /** Risala uses submit_sm only; anything else is a bug worth an error status */
        private ProcessRequestException unsupported() {
            return new ProcessRequestException("not supported by the simulator", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        private void delay(Duration delay) throws ProcessRequestException {
            if (delay.isZero()) {
                return;
            }
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProcessRequestException("interrupted", SMPPConstant.STAT_ESME_RSYSERR);
            }
        }
    }

    /** a submit_sm_resp that remembers the receipt to schedule once it has been written */
    private static final class AcceptedPart extends SubmitSmResult {
        final Receipt receipt;

        AcceptedPart(MessageId messageId, Receipt receipt) {
            super(messageId, new org.jsmpp.bean.OptionalParameter[0]);
            this.receipt = receipt;
        }
    }

    /** receipts count their delay from the moment the response is on the wire, as a real SMSC's do */
    private final class ResponsesSent extends ServerResponseDeliveryAdapter {
        @Override
        public void onSubmitSmRespSent(SubmitSmResult result, SMPPServerSession session) {
            if (result instanceof AcceptedPart accepted && accepted.receipt != null) {
                int copies = settings.duplicateReceipts() ? 2 : 1;
                for (int i = 0; i < copies; i++) {
                    courier.schedule(accepted.receipt, settings.receiptDelay());
                }
            }
        }
    }

    /**
     * jSMPP's own factory listens on every interface; the simulator must be reachable from this host only. It also
     * keeps the socket, because the listener's getPort() echoes the requested port, 0 included.
     */
    private static final class LoopbackConnectionFactory implements ServerConnectionFactory {
        private static final int BACKLOG = 50;
        private volatile ServerSocket socket;

        @Override
        public ServerConnection listen(int port) throws IOException {
            return listen(port, 0, BACKLOG);
        }

        @Override
        public ServerConnection listen(int port, int timeout) throws IOException {
            return listen(port, timeout, BACKLOG);
        }

        @Override
        public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
            ServerSocket bound = new ServerSocket(port, backlog, InetAddress.getLoopbackAddress());
            bound.setSoTimeout(timeout);
            socket = bound;
            return new ServerSocketConnection(bound);
        }
    }

    private Receipt receiptFor(SubmitSm submit, SubmittedPart part, String systemId, String receiptId, Instant now) {
        ReceiptStat stat = settings.outcomeFor(part.to(), ThreadLocalRandom.current().nextDouble());
        if (!wantsReceipt(submit.getRegisteredDelivery(), stat)) {
            return null;
        }
        return new Receipt(systemId, submit.getDestAddress(), ton(submit.getDestAddrTon()),
                npi(submit.getDestAddrNpi()), submit.getSourceAddr(), ton(submit.getSourceAddrTon()),
                npi(submit.getSourceAddrNpi()), receiptId, stat, now, part.text());
    }

    /** registered_delivery bits 1-0: 01 always, 10 on failure only, 11 on success only (SMPP 5.0, seen in 3.4 use) */
    private static boolean wantsReceipt(byte registeredDelivery, ReceiptStat stat) {
        return switch (registeredDelivery & 0x03) {
            case 1 -> true;
            case 2 -> stat != ReceiptStat.DELIVRD;
            case 3 -> stat == ReceiptStat.DELIVRD;
            default -> false;
        };
    }

    private static TypeOfNumber ton(byte value) {
        try {
            return TypeOfNumber.valueOf(value);
        } catch (IllegalArgumentException e) {
            return TypeOfNumber.UNKNOWN;
        }
    }

    private static NumberingPlanIndicator npi(byte value) {
        try {
            return NumberingPlanIndicator.valueOf(value);
        } catch (IllegalArgumentException e) {
            return NumberingPlanIndicator.UNKNOWN;
        }
    }
}
