package io.agentcoach.coaching.gateway;

import java.util.function.Consumer;

import io.agentcoach.coaching.guardrails.GuardContext;
import io.agentcoach.coaching.guardrails.Guardrails;

/**
 * Sits between a streaming model and the learner. Prose streams through as it arrives, with the
 * request's redaction placeholders put back ({@code [EMAIL_1]} → the learner's address); a partly
 * received placeholder or a line that may open a code fence is held until it is complete. Each
 * fenced code block is held until it closes and then goes through the whole answer check
 * (validation, system-prompt leakage, solution disclosure), so a copy of an unsolved exercise's
 * reference solution never reaches the learner. The complete answer is checked once more at the end
 * ({@link #finish()}).
 */
final class GuardedAnswerStream implements Consumer<String> {

    private static final String FENCE = "```";
    /** The longest placeholder ({@code [API_KEY_12]} and the like) held back while it may still be incomplete. */
    private static final int MAX_PLACEHOLDER = 40;

    private final Guardrails guardrails;
    private final GuardContext context;
    private final Consumer<String> out;
    private final StringBuilder raw = new StringBuilder();
    private final StringBuilder pending = new StringBuilder();
    private final StringBuilder shown = new StringBuilder();
    private boolean inCode;
    private boolean atLineStart = true;

    GuardedAnswerStream(Guardrails guardrails, GuardContext context, Consumer<String> out) {
        this.guardrails = guardrails;
        this.context = context;
        this.out = out;
    }

    @Override
    public void accept(String token) {
        raw.append(token);
        pending.append(token);
        drain(false);
    }

    /** What the model sent, unchanged (placeholders included). */
    String raw() {
        return raw.toString();
    }

    /**
     * Flushes what is held and checks the whole answer. When the whole-answer check changes more
     * than the streamed parts did (a system-prompt leak spread over prose, say), a notice is
     * streamed and the checked answer is the one returned (and stored).
     */
    Result finish() {
        drain(true);
        Guardrails.OutputCheck whole = guardrails.checkOutput(raw.toString(), context);
        String streamed = shown.toString();
        if (whole.answer().equals(streamed) || whole.reasons().isEmpty()) {
            return new Result(streamed, whole);
        }
        emit("\n\n> **Note:** the guardrails changed this answer after it was streamed ("
                + String.join("; ", whole.reasons()) + "); the stored answer is the checked one.");
        return new Result(whole.answer(), whole);
    }

    /** The answer to keep and the whole-answer check behind it. */
    record Result(String text, Guardrails.OutputCheck check) {
    }

    private void drain(boolean end) {
        while (!pending.isEmpty()) {
            if (inCode) {
                int close = closingFence();
                if (close < 0 && !end) {
                    return;
                }
                int blockEnd = close < 0 ? pending.length() : lineEnd(close);
                if (blockEnd < 0) {
                    if (!end) {
                        return;
                    }
                    blockEnd = pending.length();
                }
                String block = pending.substring(0, blockEnd);
                pending.delete(0, blockEnd);
                inCode = false;
                atLineStart = block.endsWith("\n");
                emit(guardrails.checkOutput(block, context).answer());
                continue;
            }
            int fence = openingFence();
            if (fence >= 0) {
                releaseProse(fence);
                inCode = true;
                continue;
            }
            int safe = end ? pending.length() : safeProseEnd();
            releaseProse(safe);
            return;
        }
    }

    /** Where prose may be released up to: not into a line that may open a fence, nor into an unfinished placeholder. */
    private int safeProseEnd() {
        int lineStart = pending.lastIndexOf("\n") + 1;
        boolean lineMayOpenFence = lineStart == 0 ? atLineStart : true;
        int safe = pending.length();
        if (lineMayOpenFence && lineStart < pending.length() && pending.charAt(lineStart) == '`'
                && pending.length() - lineStart < FENCE.length()) {
            safe = lineStart;
        }
        int bracket = pending.lastIndexOf("[");
        if (bracket >= 0 && pending.indexOf("]", bracket) < 0 && pending.length() - bracket <= MAX_PLACEHOLDER) {
            safe = Math.min(safe, bracket);
        }
        return safe;
    }

    private void releaseProse(int end) {
        if (end <= 0) {
            return;
        }
        String prose = pending.substring(0, end);
        pending.delete(0, end);
        atLineStart = prose.endsWith("\n");
        emit(context.redactions().restore(prose));
    }

    /** A fence at the start of a line, in prose. */
    private int openingFence() {
        int from = 0;
        while (true) {
            int index = pending.indexOf(FENCE, from);
            if (index < 0) {
                return -1;
            }
            if (index == 0 ? atLineStart : pending.charAt(index - 1) == '\n') {
                return index;
            }
            from = index + 1;
        }
    }

    /** The closing fence of the open block (a fence at a line start after the opening line), or -1. */
    private int closingFence() {
        int firstLineEnd = pending.indexOf("\n");
        if (firstLineEnd < 0) {
            return -1;
        }
        int index = pending.indexOf("\n" + FENCE, firstLineEnd);
        return index < 0 ? -1 : index + 1;
    }

    private int lineEnd(int from) {
        int newline = pending.indexOf("\n", from);
        return newline < 0 ? -1 : newline + 1;
    }

    private void emit(String text) {
        if (!text.isEmpty()) {
            shown.append(text);
            out.accept(text);
        }
    }
}
