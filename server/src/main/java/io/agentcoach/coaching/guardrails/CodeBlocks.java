package io.agentcoach.coaching.guardrails;

import java.util.ArrayList;
import java.util.List;

/** Markdown fenced code blocks (``` or ~~~) of an answer, with their positions. */
final class CodeBlocks {

    /**
     * @param start offset of the opening fence line
     * @param end offset just after the closing fence line (the text's end when unclosed)
     * @param code the lines between the fences
     * @param closed whether a closing fence was found
     */
    record Block(int start, int end, String code, boolean closed) {
    }

    private CodeBlocks() {
    }

    static List<Block> parse(String text) {
        List<Block> blocks = new ArrayList<>();
        int lineStart = 0;
        int openStart = -1;
        int codeStart = -1;
        String fence = null;
        while (lineStart <= text.length()) {
            int newline = text.indexOf('\n', lineStart);
            int lineEnd = newline < 0 ? text.length() : newline;
            String marker = fenceMarker(text, lineStart, lineEnd);
            int next = newline < 0 ? text.length() + 1 : newline + 1;
            if (fence == null && marker != null) {
                fence = marker;
                openStart = lineStart;
                codeStart = Math.min(next, text.length());
            } else if (fence != null && marker != null && marker.charAt(0) == fence.charAt(0)
                    && marker.length() >= fence.length() && text.substring(lineStart, lineEnd).strip().length() == marker.length()) {
                blocks.add(new Block(openStart, Math.min(next, text.length()), text.substring(codeStart, Math.max(codeStart, lineStart)), true));
                fence = null;
            }
            lineStart = next;
        }
        if (fence != null) {
            blocks.add(new Block(openStart, text.length(), text.substring(codeStart), false));
        }
        return blocks;
    }

    /** The fence characters opening this line (three or more backticks or tildes), or null. */
    private static String fenceMarker(String text, int lineStart, int lineEnd) {
        int i = lineStart;
        while (i < lineEnd && i - lineStart < 3 && text.charAt(i) == ' ') {
            i++;
        }
        if (i >= lineEnd || (text.charAt(i) != '`' && text.charAt(i) != '~')) {
            return null;
        }
        char c = text.charAt(i);
        int j = i;
        while (j < lineEnd && text.charAt(j) == c) {
            j++;
        }
        return j - i >= 3 ? text.substring(i, j) : null;
    }
}
