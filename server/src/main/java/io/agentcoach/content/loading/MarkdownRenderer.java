package io.agentcoach.content.loading;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.agentcoach.content.Section;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.node.Code;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown to safe HTML: raw HTML in the source is escaped, link and image URLs are sanitised
 * (no {@code javascript:}), headings get GitHub-style anchor ids, code blocks keep their
 * language as a {@code language-*} class for client-side highlighting.
 */
public final class MarkdownRenderer {

    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();

    public record Rendered(String html, List<Section> sections) {
    }

    public Rendered render(String markdown) {
        Node document = PARSER.parse(markdown);
        List<Section> sections = new ArrayList<>();
        Map<Node, String> anchors = new HashMap<>();
        Map<String, Integer> used = new HashMap<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                String text = textOf(heading);
                String anchor = unique(slug(text), used);
                anchors.put(heading, anchor);
                sections.add(new Section(anchor, text, heading.getLevel()));
                visitChildren(heading);
            }
        });
        HtmlRenderer renderer = HtmlRenderer.builder()
                .extensions(EXTENSIONS)
                .escapeHtml(true)
                .sanitizeUrls(true)
                .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                    String anchor = anchors.get(node);
                    if (anchor != null) {
                        attributes.put("id", anchor);
                    }
                    if (node instanceof Link link && link.getDestination().matches("(?i)https?://.*")) {
                        attributes.put("rel", "noopener noreferrer");
                    }
                })
                .build();
        return new Rendered(renderer.render(document), sections);
    }

    /** GitHub's heading slug: lower case, punctuation other than '-' and '_' dropped, spaces to '-'. */
    public static String slug(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
        s = s.replaceAll("[^\\p{L}\\p{N}\\p{M} _-]", "");
        return s.replace(' ', '-');
    }

    private static String unique(String slug, Map<String, Integer> used) {
        Integer n = used.get(slug);
        used.put(slug, n == null ? 1 : n + 1);
        return n == null ? slug : slug + "-" + n;
    }

    private static String textOf(Node node) {
        StringBuilder out = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                out.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                out.append(code.getLiteral());
            }
        });
        return out.toString().strip();
    }
}
