package se.susam.inloggning.sms;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import se.susam.inloggning.sms.http.HttpSmsOperator;
import se.susam.inloggning.sms.operator.SmsAlphabet;
import se.susam.inloggning.sms.operator.SmsOperator;
import se.susam.inloggning.sms.smpp.SmppSmsOperator;

/**
 * Sends through the configured operator ({@code sus.sms.gateway}) and, when it fails, through the
 * fallback ({@code sus.sms.fallback}); records what the accepting operator said in
 * {@link SmsDeliveries}. Every message is one segment: longer texts are refused before any operator
 * sees them.
 */
final class FailoverSmsGateway implements SmsGateway, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FailoverSmsGateway.class);

    /** An operator and the name its deliveries are recorded under. */
    record Route(SmsProperties.Gateway gateway, SmsOperator operator) {
    }

    private final List<Route> routes;
    private final SmsDeliveries deliveries;

    FailoverSmsGateway(List<Route> routes, SmsDeliveries deliveries) {
        this.routes = List.copyOf(routes);
        this.deliveries = deliveries;
    }

    /** The gateway and fallback of {@code properties}; an SMPP client starts binding at once. */
    static FailoverSmsGateway of(SmsProperties properties, SmsDeliveries deliveries, Clock clock) {
        List<Route> routes = Stream.of(properties.gateway(), properties.fallback()).filter(Objects::nonNull)
                .map(gateway -> new Route(gateway, operator(gateway, properties, deliveries, clock)))
                .toList();
        return new FailoverSmsGateway(routes, deliveries);
    }

    private static SmsOperator operator(SmsProperties.Gateway gateway, SmsProperties properties,
                                        SmsDeliveries deliveries, Clock clock) {
        return switch (gateway) {
            case SMPP -> {
                SmppSmsOperator smpp = new SmppSmsOperator(properties.smpp(), properties.sender(),
                        report -> deliveries.reported(SmsProperties.Gateway.SMPP, report), clock);
                smpp.start();
                yield smpp;
            }
            case HTTP -> new HttpSmsOperator(properties.http(), properties.sender());
            case OUTBOX -> throw new IllegalArgumentException("the outbox is not an SMS operator");
        };
    }

    @Override
    public void send(SmsMessage message) {
        if (!SmsAlphabet.fitsOneSegment(message.text())) {
            throw new SmsSendException("SMS to " + message.to().masked() + " refused: the text does not fit one segment");
        }
        List<String> failures = new ArrayList<>();
        SmsSendException first = null;
        for (Route route : routes) {
            String operatorMessageId;
            try {
                operatorMessageId = route.operator().submit(message);
            } catch (SmsSendException e) {
                log.warn("SMS to {} not sent through {}: {}", message.to().masked(), route.gateway(), e.getMessage());
                failures.add(route.gateway() + ": " + e.getMessage());
                if (first == null) {
                    first = e;
                }
                continue;
            }
            record(route, operatorMessageId, message);
            return;
        }
        throw new SmsSendException("SMS to " + message.to().masked() + " not sent: " + String.join("; ", failures), first);
    }

    /** The SMS has left: a failure to record it must not make the caller send it again. */
    private void record(Route route, String operatorMessageId, SmsMessage message) {
        try {
            deliveries.submitted(route.gateway(), operatorMessageId, message);
        } catch (RuntimeException e) {
            log.warn("SMS {} sent through {} but its delivery record failed: {}", operatorMessageId, route.gateway(),
                    e.toString());
        }
    }

    @Override
    public void close() throws Exception {
        for (Route route : routes) {
            if (route.operator() instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }
}
