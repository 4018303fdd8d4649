package se.susam.inloggning.sms.smpp;

import java.time.Clock;
import java.util.function.Consumer;

import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.InvalidDeliveryReceiptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import se.susam.inloggning.sms.SmsDeliveryStatus;
import se.susam.inloggning.sms.operator.DeliveryReport;

/**
 * Turns the SMSC's delivery receipts ({@code deliver_sm} with esm_class "SMSC delivery receipt",
 * SMPP 3.4 §4.6.1 and Appendix B) into {@link DeliveryReport}s. The message id and state come from
 * the {@code receipted_message_id} and {@code message_state} TLVs (§5.3.2.12, §5.3.2.35) when the
 * SMSC sends them, otherwise from the receipt text ({@code id:… stat:… err:…}). The receipt text also
 * quotes the start of the message, so it is never logged.
 */
final class SmppDeliveryReceipts implements MessageReceiverListener {

    private static final Logger log = LoggerFactory.getLogger(SmppDeliveryReceipts.class);

    private final Consumer<DeliveryReport> reports;
    private final Clock clock;

    SmppDeliveryReceipts(Consumer<DeliveryReport> reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @Override
    public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
        if (!MessageType.SMSC_DEL_RECEIPT.containedIn(deliverSm.getEsmClass())) {
            log.info("SMPP deliver_sm that is not a delivery receipt (a reply to the sender?) ignored");
            return;
        }
        DeliveryReport report = read(deliverSm);
        try {
            reports.accept(report);
        } catch (RuntimeException e) {
            // A non-zero command_status makes the SMSC deliver the receipt again later.
            log.warn("SMPP delivery receipt for {} not recorded: {}", report.operatorMessageId(), e.toString());
            throw new ProcessRequestException("receipt not recorded", SMPPConstant.STAT_ESME_RX_T_APPN, e);
        }
        log.info("SMPP delivery receipt for {}: {} ({})", report.operatorMessageId(), report.status(), report.detail());
    }

    private DeliveryReport read(DeliverSm deliverSm) throws ProcessRequestException {
        var idTlv = deliverSm.getOptionalParameter(OptionalParameter.Receipted_message_id.class);
        var stateTlv = deliverSm.getOptionalParameter(OptionalParameter.Message_state.class);
        DeliveryReceipt text = null;
        try {
            text = deliverSm.getShortMessageAsDeliveryReceipt();
        } catch (InvalidDeliveryReceiptException e) {
            if (idTlv == null || stateTlv == null) {
                throw new ProcessRequestException("unreadable delivery receipt", SMPPConstant.STAT_ESME_RX_R_APPN, e);
            }
        }
        String id = idTlv != null ? idTlv.getValueAsString() : text.getId();
        SmsDeliveryStatus status = stateTlv != null ? status(stateTlv.getMessageState()) : status(text.getFinalStatus());
        String detail = text != null
                ? "stat:" + text.getFinalStatus() + " err:" + text.getError()
                : "message_state:" + stateTlv.getMessageState();
        return new DeliveryReport(id, status, detail, clock.instant());
    }

    private static SmsDeliveryStatus status(DeliveryReceiptState state) {
        return switch (state) {
            case DELIVRD -> SmsDeliveryStatus.DELIVERED;
            case EXPIRED -> SmsDeliveryStatus.EXPIRED;
            case DELETED, UNDELIV, REJECTD -> SmsDeliveryStatus.FAILED;
            case ENROUTE, ACCEPTD -> SmsDeliveryStatus.SUBMITTED;
            case UNKNOWN -> SmsDeliveryStatus.UNKNOWN;
        };
    }

    private static SmsDeliveryStatus status(OptionalParameter.Message_state.Message_state_enum state) {
        return switch (state) {
            case DELIVERED -> SmsDeliveryStatus.DELIVERED;
            case EXPIRED -> SmsDeliveryStatus.EXPIRED;
            case DELETED, UNDELIVERABLE, REJECTED, SKIPPED -> SmsDeliveryStatus.FAILED;
            case SCHEDULED, ENROUTE, ACCEPTED -> SmsDeliveryStatus.SUBMITTED;
            case UNKNOWN -> SmsDeliveryStatus.UNKNOWN;
        };
    }

    @Override
    public void onAcceptAlertNotification(AlertNotification alertNotification) {
        log.debug("SMPP alert_notification ignored");
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw new ProcessRequestException("data_sm is not supported", SMPPConstant.STAT_ESME_RINVCMDID);
    }
}
