package io.agentcoach.coaching.guardrails;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Output validation: an empty or garbled answer is replaced; stray control characters and broken
 * surrogates are removed; script, iframe, object and embed tags, inline event handlers and
 * {@code javascript:}, {@code vbscript:} and {@code data:text/html} links are removed from prose
 * (code blocks and inline code are rendered as text, so they stay); an answer cut off inside a code
 * block gets its fence closed and a note.
 */
record AnswerValidationRule(GuardrailSettings settings) implements GuardrailRule {

    static final String NAME = "answer-validation";
    static final String EMPTY_REPLACEMENT = "Sorry, the coach could not produce an answer this time. Please ask again, "
            + "perhaps with a bit more detail.";
    static final String GARBLED_REPLACEMENT = "Sorry, the answer came back garbled and was discarded. Please ask again.";
    static final String CUT_OFF_NOTE = "_(The answer was cut off here. Ask the coach to continue.)_";

    private static final Pattern DANGEROUS_ELEMENT = Pattern.compile(
            "<(script|iframe|object|embed)\\b[^>]*>[\\s\\S]*?(?:</\\1\\s*>|\\z)|<(?:script|iframe|object|embed)\\b[^>]*/?>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EVENT_HANDLER = Pattern.compile(
            "(<[a-z][^>]*?)\\s+on[a-z]+\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s>]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DANGEROUS_URL = Pattern.compile(
            "(?:(?:j\\s*a\\s*v\\s*a|v\\s*b)\\s*s\\s*c\\s*r\\s*i\\s*p\\s*t\\s*:|data\\s*:\\s*text/html)"
                    + "(?:[^()\\s\"'>]|\\([^()\\s]*\\))*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`\\n]+`");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Decision evaluate(String text, GuardContext context) {
        if (text.isBlank()) {
            return new Decision.Rewrite(EMPTY_REPLACEMENT, List.of(NAME + ": empty answer replaced"));
        }
        List<String> reasons = new ArrayList<>();
        int bad = countGarbage(text);
        if ((double) bad / text.length() > settings.garbledMaxRatio()) {
            return new Decision.Rewrite(GARBLED_REPLACEMENT, List.of(String.format(Locale.ROOT,
                    "%s: garbled answer replaced (%d of %d characters invalid)", NAME, bad, text.length())));
        }
        String repaired = text;
        if (bad > 0) {
            repaired = withoutGarbage(repaired);
            reasons.add(NAME + ": removed " + bad + " invalid characters");
        }
        String safe = sanitiseProse(repaired);
        if (!safe.equals(repaired)) {
            reasons.add(NAME + ": removed unsafe HTML or script links");
            repaired = safe;
        }
        if (repaired.isBlank()) {
            return new Decision.Rewrite(EMPTY_REPLACEMENT, List.of(NAME + ": nothing safe left, answer replaced"));
        }
        List<CodeBlocks.Block> blocks = CodeBlocks.parse(repaired);
        if (!blocks.isEmpty() && !blocks.getLast().closed()) {
            String fence = repaired.substring(blocks.getLast().start()).strip().startsWith("~") ? "~~~" : "```";
            repaired = repaired + (repaired.endsWith("\n") ? "" : "\n") + fence + "\n\n" + CUT_OFF_NOTE;
            reasons.add(NAME + ": closed a code block the answer left open (truncated)");
        }
        return reasons.isEmpty() ? Decision.ALLOW : new Decision.Rewrite(repaired, reasons);
    }

    private static boolean isGarbage(String text, int index) {
        char c = text.charAt(index);
        if (c == '\uFFFD' || (c < 0x20 && c != '\n' && c != '\r' && c != '\t') || (c >= 0x7F && c <= 0x9F)) {
            return true;
        }
        if (Character.isHighSurrogate(c)) {
            return index + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(index + 1));
        }
        return Character.isLowSurrogate(c) && (index == 0 || !Character.isHighSurrogate(text.charAt(index - 1)));
    }

    private static int countGarbage(String text) {
        int bad = 0;
        for (int i = 0; i < text.length(); i++) {
            if (isGarbage(text, i)) {
                bad++;
            }
        }
        return bad;
    }

    private static String withoutGarbage(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (!isGarbage(text, i)) {
                out.append(text.charAt(i));
            }
        }
        return out.toString();
    }

    /** Applies the HTML clean-up outside fenced code blocks and inline code spans. */
    private static String sanitiseProse(String text) {
        if (text.indexOf('<') < 0 && text.indexOf(':') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        for (CodeBlocks.Block block : CodeBlocks.parse(text)) {
            out.append(sanitiseOutsideInlineCode(text.substring(last, block.start())));
            out.append(text, block.start(), block.end());
            last = block.end();
        }
        return out.append(sanitiseOutsideInlineCode(text.substring(last))).toString();
    }

    private static String sanitiseOutsideInlineCode(String prose) {
        StringBuilder out = new StringBuilder(prose.length());
        Matcher inline = INLINE_CODE.matcher(prose);
        int last = 0;
        while (inline.find()) {
            out.append(sanitise(prose.substring(last, inline.start()))).append(inline.group());
            last = inline.end();
        }
        return out.append(sanitise(prose.substring(last))).toString();
    }

    private static String sanitise(String prose) {
        String result = DANGEROUS_ELEMENT.matcher(prose).replaceAll("");
        String previous;
        do {
            previous = result;
            result = EVENT_HANDLER.matcher(result).replaceAll("$1");
        } while (!result.equals(previous));
        return DANGEROUS_URL.matcher(result).replaceAll("#");
    }
}
