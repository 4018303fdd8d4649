package se.susam.inloggning.sms;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.susam.inloggning.sms.http.HttpDeliveryCallback;
import se.susam.inloggning.sms.operator.DeliveryReport;

/**
 * Where the HTTP operator posts delivery reports ({@code whendelivered}). The secret in the path
 * authenticates the operator; the path has no session and no CSRF token ({@link SmsCallbackSecurity}).
 * Any 2xx ends the operator's retries, so a report about an unknown message is still answered 204.
 */
@RestController
class SmsDeliveryCallbackController {

    static final String PATH_PREFIX = "/sms/delivery/";

    private static final Logger log = LoggerFactory.getLogger(SmsDeliveryCallbackController.class);

    private final SmsProperties properties;
    private final SmsDeliveries deliveries;
    private final Clock clock;

    SmsDeliveryCallbackController(SmsProperties properties, SmsDeliveries deliveries, Clock clock) {
        this.properties = properties;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @PostMapping(PATH_PREFIX + "{secret}")
    ResponseEntity<Void> report(@PathVariable String secret,
                                @RequestParam(required = false) String id,
                                @RequestParam(required = false) String status,
                                @RequestParam(required = false) String delivered) {
        if (!properties.uses(SmsProperties.Gateway.HTTP)
                || !HttpDeliveryCallback.secretMatches(properties.http().callbackSecret(), secret)) {
            log.warn("SMS delivery report with a wrong secret refused");
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        DeliveryReport report;
        try {
            report = HttpDeliveryCallback.report(id, status, delivered, clock);
        } catch (IllegalArgumentException e) {
            log.warn("SMS delivery report refused: {}", e.getMessage());
            return ResponseEntity.badRequest().build();
        }
        deliveries.reported(SmsProperties.Gateway.HTTP, report);
        log.info("HTTP delivery report for {}: {}", report.operatorMessageId(), report.status());
        return ResponseEntity.noContent().build();
    }
}
