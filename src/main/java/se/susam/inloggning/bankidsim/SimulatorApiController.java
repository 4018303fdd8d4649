package se.susam.inloggning.bankidsim;

import java.net.InetAddress;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulator's RP API v6.0: the same paths, JSON and errors as BankID's
 * ({@code {"errorCode": …, "details": …}} with BankID's HTTP status). Like BankID it accepts only
 * {@code Content-Type: application/json} — with a charset parameter it answers 415.
 */
@RestController
@Profile({"demo", "test"})
@RequestMapping("/dev/bankid/rp/v6.0")
class SimulatorApiController {

    private static final JsonMapper JSON = JsonMapper.builder()
            .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_NULL)).build();
    private static final Pattern PERSONAL_NUMBER = Pattern.compile("(19|20)\\d{10}");
    private static final Pattern IP_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9a-fA-F]{0,4}(:[0-9a-fA-F]{0,4}){2,7}");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]*={0,2}");

    private final SimulatedBankId bankId;

    SimulatorApiController(SimulatedBankId bankId) {
        this.bankId = bankId;
    }

    @PostMapping("/auth")
    ResponseEntity<String> auth(@RequestHeader(name = "Content-Type", required = false) String contentType,
                                @RequestBody(required = false) byte[] body) {
        return answer(contentType, body, request -> {
            String endUserIp = text(request, "endUserIp");
            if (endUserIp == null || !isIp(endUserIp)) {
                throw invalid("Incorrect endUserIp");
            }
            JsonNode requirement = request.path("requirement");
            String personalNumber = text(requirement, "personalNumber");
            if (personalNumber != null && !PERSONAL_NUMBER.matcher(personalNumber).matches()) {
                throw invalid("Incorrect personalNumber");
            }
            String userVisibleData = base64(request, "userVisibleData");
            base64(request, "userNonVisibleData");
            String format = text(request, "userVisibleDataFormat");
            if (format != null && !format.equals("plaintext") && !format.equals("simpleMarkdownV1")) {
                throw invalid("Incorrect userVisibleDataFormat");
            }
            String returnUrl = text(request, "returnUrl");
            if (returnUrl != null && !returnUrl.startsWith("https://") && !returnUrl.startsWith("http://localhost")
                    && !returnUrl.startsWith("http://127.0.0.1")) {
                throw invalid("Incorrect returnUrl");
            }
            return bankId.auth(endUserIp, personalNumber, returnUrl, userVisibleData,
                    request.path("returnRisk").asBoolean(false));
        });
    }

    @PostMapping("/phone/auth")
    ResponseEntity<String> phoneAuth(@RequestHeader(name = "Content-Type", required = false) String contentType,
                                     @RequestBody(required = false) byte[] body) {
        return answer(contentType, body, request -> {
            String personalNumber = text(request, "personalNumber");
            if (personalNumber == null || !PERSONAL_NUMBER.matcher(personalNumber).matches()) {
                throw invalid("Incorrect personalNumber");
            }
            String callInitiator = text(request, "callInitiator");
            if (!"user".equals(callInitiator) && !"RP".equals(callInitiator)) {
                throw invalid("Incorrect callInitiator");
            }
            return Map.of("orderRef", bankId.phoneAuth(personalNumber, base64(request, "userVisibleData")));
        });
    }

    @PostMapping("/collect")
    ResponseEntity<String> collect(@RequestHeader(name = "Content-Type", required = false) String contentType,
                                   @RequestBody(required = false) byte[] body) {
        return answer(contentType, body, request -> bankId.collect(orderRef(request)));
    }

    @PostMapping("/cancel")
    ResponseEntity<String> cancel(@RequestHeader(name = "Content-Type", required = false) String contentType,
                                  @RequestBody(required = false) byte[] body) {
        return answer(contentType, body, request -> {
            bankId.cancel(orderRef(request));
            return Map.of();
        });
    }

    private interface Call {
        Object handle(JsonNode request);
    }

    private ResponseEntity<String> answer(String contentType, byte[] body, Call call) {
        try {
            if (!"application/json".equals(contentType)) {
                throw new SimulatedBankId.Refusal(415, "unsupportedMediaType",
                        "Content-Type must be application/json, was " + contentType);
            }
            bankId.beforeCall();
            JsonNode request;
            try {
                request = JSON.readTree(body == null ? new byte[0] : body);
            } catch (JacksonException e) {
                throw invalid("Invalid JSON");
            }
            if (request == null || !request.isObject()) {
                throw invalid("Invalid JSON");
            }
            Object answer = call.handle(request);
            bankId.beforeAnswer();
            return json(200, answer);
        } catch (SimulatedBankId.Refusal refusal) {
            bankId.beforeAnswer();
            return json(refusal.status, Map.of("errorCode", refusal.errorCode, "details", refusal.getMessage()));
        }
    }

    private static ResponseEntity<String> json(int status, Object body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsString(body));
    }

    private static String orderRef(JsonNode request) {
        String orderRef = text(request, "orderRef");
        if (orderRef == null || orderRef.isBlank()) {
            throw invalid("Missing orderRef");
        }
        return orderRef;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw invalid("Incorrect " + field);
        }
        return value.asString();
    }

    private static String base64(JsonNode node, String field) {
        String value = text(node, field);
        if (value != null && (value.isEmpty() || !BASE64.matcher(value).matches())) {
            throw invalid("Incorrect " + field + ": not Base64");
        }
        return value;
    }

    private static boolean isIp(String value) {
        if (!IP_LITERAL.matcher(value).matches()) {
            return false;
        }
        try {
            // An IP literal (checked above) is parsed, never looked up in DNS.
            InetAddress.getByName(value);
            return true;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static SimulatedBankId.Refusal invalid(String details) {
        return new SimulatedBankId.Refusal(400, "invalidParameters", details);
    }
}
