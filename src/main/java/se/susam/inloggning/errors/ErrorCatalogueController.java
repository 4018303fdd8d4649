package se.susam.inloggning.errors;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * "Vanliga felmeddelanden": generated from the registry, so the catalogue lists exactly the codes
 * the code can raise, each with the message as the user sees it, its cause and what to do.
 */
@Controller
class ErrorCatalogueController {

    /** One row of the catalogue. */
    record Entry(String code, String message, String cause, String remedy) {
    }

    private final ErrorMessages messages;

    ErrorCatalogueController(ErrorMessages messages) {
        this.messages = messages;
    }

    @GetMapping("/support/vanliga-felmeddelanden/{slug}")
    String catalogue(@PathVariable String slug, Model model, Locale locale) {
        CatalogueRoutes page = CatalogueRoutes.bySlug(slug)
                .orElseThrow(() -> new SusException(ErrorCode.GEN_NOT_FOUND));
        List<Entry> entries = java.util.Arrays.stream(ErrorCode.values())
                .filter(code -> page.families().contains(code.family()))
                .map(code -> new Entry(code.code(),
                        messages.text(code.messageKey(), locale).replaceAll("\\{\\d+}", "…"),
                        messages.text(code.causeKey(), locale),
                        messages.text(code.remedyKey(), locale)))
                .toList();
        model.addAttribute("page", page.slug());
        model.addAttribute("entries", entries);
        return "support/felmeddelanden";
    }
}
