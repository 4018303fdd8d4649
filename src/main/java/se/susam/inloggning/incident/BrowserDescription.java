package se.susam.inloggning.incident;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A short, readable name for a User-Agent ("Chrome 131, Windows"), shown to the reporter and to
 * Kundcenter beside the full string. Order matters: Edge and Opera also say "Chrome", Chrome also
 * says "Safari".
 */
final class BrowserDescription {

    private record Rule(String name, Pattern pattern) {
    }

    private static final List<Rule> BROWSERS = List.of(
            new Rule("Microsoft Edge", Pattern.compile("Edg(?:e|A|iOS)?/(\\d+)")),
            new Rule("Opera", Pattern.compile("OPR/(\\d+)")),
            new Rule("Firefox", Pattern.compile("(?:Firefox|FxiOS)/(\\d+)")),
            new Rule("Chrome", Pattern.compile("(?:HeadlessChrome|Chrome|CriOS)/(\\d+)")),
            new Rule("Safari", Pattern.compile("Version/(\\d+)[.\\d]* (?:Mobile/\\S+ )?Safari/")));
    private static final List<Rule> SYSTEMS = List.of(
            new Rule("Windows", Pattern.compile("Windows NT")),
            new Rule("iOS", Pattern.compile("iPhone|iPad")),
            new Rule("macOS", Pattern.compile("Mac OS X")),
            new Rule("Android", Pattern.compile("Android")),
            new Rule("ChromeOS", Pattern.compile("CrOS")),
            new Rule("Linux", Pattern.compile("Linux")));

    private BrowserDescription() {
    }

    /** The browser and version, and the operating system when known; empty for an unknown browser. */
    static Optional<String> of(String userAgent) {
        if (userAgent == null) {
            return Optional.empty();
        }
        for (Rule browser : BROWSERS) {
            Matcher m = browser.pattern().matcher(userAgent);
            if (m.find()) {
                String name = browser.name() + " " + m.group(1);
                return Optional.of(SYSTEMS.stream().filter(s -> s.pattern().matcher(userAgent).find()).findFirst()
                        .map(s -> name + ", " + s.name()).orElse(name));
            }
        }
        return Optional.empty();
    }
}
