package se.susam.inloggning.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * axe-core in the real browser, limited to the WCAG 2.1 level A and AA rules (the level Swedish
 * law requires of public-sector sites: lagen om tillgänglighet till digital offentlig service,
 * through EN 301 549). The failure message lists each violation with the elements and the fix.
 */
final class Axe {

    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private Axe() {
    }

    static void assertNoViolations(Browser browser) {
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(browser.driver());
        assertThat(results.isErrored()).withFailMessage(() -> "axe-core failed on " + browser.url() + ": "
                + results.getErrorMessage()).isFalse();
        assertThat(results.getPasses()).as("rules axe-core checked on %s", browser.url()).isNotEmpty();
        assertThat(results.getViolations()).withFailMessage(() -> "WCAG 2.1 AA violations on " + browser.url() + "\n"
                + describe(results.getViolations())).isEmpty();
    }

    private static String describe(List<Rule> violations) {
        return violations.stream().map(rule -> "- " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp()
                        + " " + rule.getHelpUrl() + "\n" + rule.getNodes().stream().map(Axe::describe)
                        .collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n"));
    }

    private static String describe(CheckedNode node) {
        return "    at " + node.getTarget() + ": " + node.getHtml() + "\n      "
                + node.getFailureSummary().replace("\n", "\n      ");
    }
}
