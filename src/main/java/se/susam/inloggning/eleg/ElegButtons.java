package se.susam.inloggning.eleg;

import java.util.List;
import java.util.Locale;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts one button per configured e-ID provider in the model of the site's pages, for the login
 * chooser; the other controllers' pages have no use for them.
 */
@ControllerAdvice(basePackages = "se.susam.inloggning.site")
class ElegButtons {

    /** A provider's button: its path, title and text in the page's language. */
    public record ElegButton(String key, String name, String text) {
    }

    private final ElegProperties properties;

    ElegButtons(ElegProperties properties) {
        this.properties = properties;
    }

    @ModelAttribute("elegProviders")
    List<ElegButton> buttons(Locale locale) {
        return properties.providers().entrySet().stream()
                .map(e -> new ElegButton(e.getKey(), e.getValue().name(), e.getValue().text(locale))).toList();
    }
}
