package se.susam.inloggning.sms;

import java.util.List;

import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** Demo only: the phone of every demo user — what the outbox gateway "sent" (SPEC §5). */
@Controller
@Profile({"demo", "test"})
class SmsOutboxController {

    private final SmsGateway gateway;

    SmsOutboxController(SmsGateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping(path = "/dev/sms/outbox.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<OutboxSmsGateway.OutboxMessage> outbox() {
        return outboxGateway().newest(100);
    }

    @GetMapping("/dev/sms")
    String page(Model model) {
        model.addAttribute("messages", outboxGateway().newest(50));
        return "dev/sms";
    }

    private OutboxSmsGateway outboxGateway() {
        if (gateway instanceof OutboxSmsGateway outbox) {
            return outbox;
        }
        throw new se.susam.inloggning.errors.SusException(se.susam.inloggning.errors.ErrorCode.GEN_NOT_FOUND);
    }
}
