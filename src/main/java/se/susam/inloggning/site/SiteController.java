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
    private final ContentPages pages;

    SiteController(ErrorMessages messages, ContentPages pages) {
        this.messages = messages;
        this.pages = pages;
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

    /** "Support inloggning till SUS": the seed page, section by section. */
    @GetMapping("/support")
    String support(Model model, Locale locale) {
        return content("support", model, locale);
    }

    @GetMapping("/behorigheter")
    String accessInfo(Model model, Locale locale) {
        return content("behorigheter", model, locale);
    }

    @GetMapping("/tillganglighet")
    String accessibilityStatement(Model model, Locale locale) {
        return content("tillganglighet", model, locale);
    }

    /** "Testa din e-legitimation": the methods that can be tested; each runs in test mode. */
    @GetMapping("/testa-e-legitimation")
    String eidTest() {
        return "site/eid-test";
    }

    private String content(String name, Model model, Locale locale) {
        model.addAttribute("doc", pages.page(name, locale));
        return "site/content";
    }
}
