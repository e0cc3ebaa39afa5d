package io.agentcoach.content.loading;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.agentcoach.content.Lesson;
import io.agentcoach.content.Section;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Link;
import org.commonmark.parser.Parser;

/**
 * Checks that a lesson's links resolve: {@code #anchor} to a section of the same lesson, a lesson
 * file ({@code 02-agent-loop.md#stop}, relative paths allowed) or {@code lesson:<id>#anchor} to
 * another lesson and its section. External http(s) and mailto links are not followed.
 */
final class MarkdownLinks {

    private static final Parser PARSER = Parser.builder().build();

    private MarkdownLinks() {
    }

    static List<String> destinations(String markdown) {
        List<String> links = new ArrayList<>();
        PARSER.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                links.add(link.getDestination());
                visitChildren(link);
            }
        });
        return links;
    }

    /** A problem description, or null when the link resolves. */
    static String check(String target, Lesson from, Map<String, Lesson> lessons, Map<String, String> lessonFileToId) {
        if (target.matches("(?i)(https?|mailto):.*")) {
            return null;
        }
        if (target.matches("(?i)[a-z][a-z0-9+.-]*:.*") && !target.startsWith("lesson:")) {
            return "link '" + target + "' uses a scheme other than http(s), mailto or lesson:";
        }
        String path = target;
        String anchor = null;
        int hash = target.indexOf('#');
        if (hash >= 0) {
            path = target.substring(0, hash);
            anchor = target.substring(hash + 1);
        }
        Lesson to;
        if (path.isEmpty()) {
            to = from;
        } else if (path.startsWith("lesson:")) {
            to = lessons.get(path.substring("lesson:".length()));
        } else {
            String name = path.substring(path.lastIndexOf('/') + 1);
            String id = lessonFileToId.get(name);
            to = id == null ? null : lessons.get(id);
        }
        if (to == null) {
            return "link '" + target + "' points to no lesson";
        }
        if (anchor != null && !anchor.isEmpty()
                && to.sections().stream().map(Section::anchor).noneMatch(anchor::equals)) {
            return "link '" + target + "' points to a section that does not exist in lesson '" + to.id() + "'";
        }
        return null;
    }
}
