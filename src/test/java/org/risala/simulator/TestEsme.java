package org.risala.simulator;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;

/** A real jSMPP client bound to the simulator over the socket, recording every deliver_sm it gets. */
final class TestEsme implements AutoCloseable {

    static final ESMClass PLAIN = new ESMClass();
    static final ESMClass UDHI = new ESMClass(0x40);
    private static final Pattern RECEIPT_ID = Pattern.compile("^id:(\\S+) ");

    final SMPPSession session = new SMPPSession();
    final List<DeliverSm> receipts = new CopyOnWriteArrayList<>();
    final List<DeliverSm> mos = new CopyOnWriteArrayList<>();
    /** how many deliver_sm to answer with ESME_RX_T_APPN before accepting again */
    final AtomicInteger refuseNext = new AtomicInteger();

    private TestEsme() {
    }

    static TestEsme bind(SmscSimulator simulator, BindType type, String systemId) throws IOException {
        TestEsme esme = new TestEsme();
        esme.session.setTransactionTimer(2_000);
        esme.session.setMessageReceiverListener(esme.new Recorder());
        esme.session.connectAndBind("127.0.0.1", simulator.port(), new BindParameter(type, systemId, "secret", "",
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), 2_000);
        return esme;
    }

    /** submits with a receipt requested; returns the submit_sm_resp's message id */
    String submit(String to, byte[] shortMessage, byte dataCoding, ESMClass esm, OptionalParameter... tlvs)
            throws Exception {
        return submit(to, shortMessage, dataCoding, esm, new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE),
                tlvs);
    }

    String submit(String to, byte[] shortMessage, byte dataCoding, ESMClass esm, RegisteredDelivery receipt,
                  OptionalParameter... tlvs) throws Exception {
        return session.submitShortMessage("", TypeOfNumber.NETWORK_SPECIFIC, NumberingPlanIndicator.UNKNOWN, "90085",
                TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, to, esm, (byte) 0, (byte) 1, null, null,
                receipt, (byte) 0, DataCodings.newInstance(dataCoding), (byte) 0, shortMessage, tlvs).getMessageId();
    }

    static String receiptTextId(DeliverSm receipt) {
        Matcher id = RECEIPT_ID.matcher(receiptText(receipt));
        if (!id.find()) {
            throw new AssertionError("no id in receipt " + receiptText(receipt));
        }
        return id.group(1);
    }

    static String receiptText(DeliverSm receipt) {
        return new String(receipt.getShortMessage(), java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        session.unbindAndClose();
    }

    private final class Recorder implements MessageReceiverListener {
        @Override
        public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
            if (refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new ProcessRequestException("store unavailable", 0x64);
            }
            (deliverSm.isSmscDeliveryReceipt() ? receipts : mos).add(deliverSm);
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification alertNotification) {
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("not expected", 0x03);
        }
    }
}
