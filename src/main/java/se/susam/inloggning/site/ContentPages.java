package se.susam.inloggning.site;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import se.susam.inloggning.errors.ErrorCode;
import se.susam.inloggning.errors.SusException;

/**
 * The support content: Markdown files under {@code content/<language>/}, so editors change text
 * without touching code. A heading may end in {@code {#id}} to give it a stable anchor (links from
 * error pages and other pages point at them); links to other websites open in a new window, as the
 * text next to them says.
 */
@Component
class ContentPages {

    /** A rendered page: its title (the first heading), its HTML and its second-level headings. */
    record Page(String title, String html, List<Section> sections) {
    }

    /** A second-level heading and its anchor, for the page's table of contents. */
    record Section(String id, String title) {
    }

    private static final Pattern ANCHOR = Pattern.compile("\\s*\\{#([a-z0-9-]+)}\\s*$");

    private final Parser parser = Parser.builder().build();
    private final Map<String, Page> cache = new ConcurrentHashMap<>();

    Page page(String name, Locale locale) {
        String language = "en".equals(locale.getLanguage()) ? "en" : "sv";
        return cache.computeIfAbsent(language + "/" + name, this::render);
    }

    private Page render(String path) {
        ClassPathResource resource = new ClassPathResource("content/" + path + ".md");
        if (!resource.exists()) {
            throw new SusException(ErrorCode.GEN_NOT_FOUND);
        }
        String markdown;
        try (InputStream in = resource.getInputStream()) {
            markdown = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read content " + path, e);
        }
        Node document = parser.parse(markdown);
        Map<Node, String> anchors = new IdentityHashMap<>();
        List<Section> sections = new ArrayList<>();
        String[] title = {path};
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                if (heading.getLastChild() instanceof Text text) {
                    Matcher m = ANCHOR.matcher(text.getLiteral());
                    if (m.find()) {
                        text.setLiteral(text.getLiteral().substring(0, m.start()));
                        anchors.put(heading, m.group(1));
                    }
                }
                String plain = plainText(heading);
                if (heading.getLevel() == 1) {
                    title[0] = plain;
                } else if (heading.getLevel() == 2 && anchors.containsKey(heading)) {
                    sections.add(new Section(anchors.get(heading), plain));
                }
            }
        });
        HtmlRenderer renderer = HtmlRenderer.builder()
                .escapeHtml(true)
                .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                    if (anchors.containsKey(node)) {
                        attributes.put("id", anchors.get(node));
                    }
                    if (node instanceof Link link && link.getDestination().startsWith("http")) {
                        attributes.put("target", "_blank");
                        attributes.put("rel", "noopener noreferrer");
                    }
                })
                .build();
        return new Page(title[0], renderer.render(document), List.copyOf(sections));
    }

    private static String plainText(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }
        });
        return text.toString().strip();
    }
}
