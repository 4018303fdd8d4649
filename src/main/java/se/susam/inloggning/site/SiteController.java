package se.susam.inloggning.site;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The public pages: content lives in the templates. */
@Controller
class SiteController {

    @GetMapping("/")
    String start() {
        return "site/start";
    }

    @GetMapping("/login")
    String chooser() {
        return "site/chooser";
    }

    @GetMapping("/behorigheter")
    String accessInfo() {
        return "site/behorigheter";
    }
}
