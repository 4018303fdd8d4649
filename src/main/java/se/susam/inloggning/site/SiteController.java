package se.susam.inloggning.site;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestParam;

import se.susam.inloggning.errors.ErrorCode;
import se.susam.inloggning.errors.ErrorMessages;
import org.springframework.web.bind.annotation.GetMapping;

/** The public pages: content lives in the templates. */
@Controller
class SiteController {

    private final ErrorMessages messages;

    SiteController(ErrorMessages messages) {
        this.messages = messages;
    }

    @GetMapping("/")
    String start() {
        return "site/start";
    }

    /** The method chooser; after the absolute session timeout it says so, with its code. */
    @GetMapping("/login")
    String chooser(@RequestParam(required = false) String session, Model model, Locale locale) {
        if ("utgangen".equals(session)) {
            model.addAttribute("errors", List.of(messages.show(ErrorCode.GEN_SESSION_EXPIRED, null, locale)));
        }
        return "site/chooser";
    }

    @GetMapping("/behorigheter")
    String accessInfo() {
        return "site/behorigheter";
    }
}
