package se.susam.inloggning.sms;

import java.util.List;

import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import se.susam.inloggning.errors.ErrorCode;
import se.susam.inloggning.errors.SusException;
import se.susam.inloggning.identity.PhoneNumber;

/**
 * Demo only: the phone of every demo user — what the outbox gateway "sent" (SPEC §5). The JSON
 * takes an optional {@code to} (E.164, {@code ?to=%2B46701740605}) to show one phone only, which
 * the load benchmark needs when many logins run at once.
 */
@Controller
@Profile({"demo", "test", "bench"})
class SmsOutboxController {

    static final int LIMIT = 100;

    private final SmsGateway gateway;

    SmsOutboxController(SmsGateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping(path = "/dev/sms/outbox.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<OutboxSmsGateway.OutboxMessage> outbox(@RequestParam(required = false) String to) {
        OutboxSmsGateway outbox = outboxGateway();
        return to == null ? outbox.newest(LIMIT) : outbox.newestTo(recipient(to), LIMIT);
    }

    @GetMapping("/dev/sms")
    String page(Model model) {
        model.addAttribute("messages", outboxGateway().newest(50));
        return "dev/sms";
    }

    private static PhoneNumber recipient(String to) {
        try {
            return new PhoneNumber(to);
        } catch (IllegalArgumentException e) {
            throw new SusException(ErrorCode.GEN_BAD_REQUEST);
        }
    }

    private OutboxSmsGateway outboxGateway() {
        if (gateway instanceof OutboxSmsGateway outbox) {
            return outbox;
        }
        throw new SusException(ErrorCode.GEN_NOT_FOUND);
    }
}
