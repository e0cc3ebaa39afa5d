package io.agentcoach.coaching.guardrail;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Sits between a streaming model and the learner while an exercise is unsolved: prose streams
 * through as it arrives, but each fenced code block is held until it closes and is withheld when
 * it is a near-copy of the reference solution (token 3-gram overlap).
 */
public final class SolutionGuard implements Consumer<String> {

    public static final String WITHHELD = "[Code withheld: it is too close to this exercise's solution. "
            + "Try the next step yourself; ask for a hint if you are stuck.]";
    static final double NEAR_COPY = 0.5;

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*|\\d+|[^\\sA-Za-z0-9_]");
    private static final String FENCE = "```";

    private final Set<String> reference;
    private final Consumer<String> out;
    private final StringBuilder pending = new StringBuilder();
    private boolean inCode;
    private int withheld;

    public SolutionGuard(String referenceSolution, Consumer<String> out) {
        this.reference = shingles(referenceSolution);
        this.out = out;
    }

    @Override
    public void accept(String token) {
        pending.append(token);
        drain(false);
    }

    /** Flushes what is held at the end of the answer; an unclosed code block is checked as it is. */
    public void finish() {
        drain(true);
    }

    public int withheldBlocks() {
        return withheld;
    }

    private void drain(boolean end) {
        while (true) {
            int fence = pending.indexOf(FENCE);
            if (!inCode) {
                if (fence < 0) {
                    // keep up to two backticks back: they may begin a fence in the next token
                    int keep = end ? 0 : trailingBackticks();
                    emit(pending.substring(0, pending.length() - keep));
                    pending.delete(0, pending.length() - keep);
                    return;
                }
                emit(pending.substring(0, fence));
                pending.delete(0, fence);
                inCode = true;
                int closing = pending.indexOf(FENCE, FENCE.length());
                if (closing < 0 && !end) {
                    return;
                }
                continue;
            }
            int closing = pending.indexOf(FENCE, FENCE.length());
            if (closing < 0) {
                if (end) {
                    check(pending.toString());
                    pending.setLength(0);
                    inCode = false;
                }
                return;
            }
            String block = pending.substring(0, closing + FENCE.length());
            pending.delete(0, closing + FENCE.length());
            inCode = false;
            check(block);
        }
    }

    private void check(String block) {
        if (nearCopy(block)) {
            withheld++;
            emit(WITHHELD);
        } else {
            emit(block);
        }
    }

    /**
     * Most of the block's 3-grams come from the solution, and they are a substantial part of it
     * (a dozen 3-grams, or half of a short solution): a shared import line is not a copy.
     */
    boolean nearCopy(String code) {
        Set<String> candidate = shingles(code.replace(FENCE, ""));
        if (candidate.isEmpty() || reference.isEmpty()) {
            return false;
        }
        long shared = candidate.stream().filter(reference::contains).count();
        return (double) shared / candidate.size() >= NEAR_COPY && shared >= Math.min(12, reference.size() / 2);
    }

    private int trailingBackticks() {
        int n = 0;
        while (n < 2 && n < pending.length() && pending.charAt(pending.length() - 1 - n) == '`') {
            n++;
        }
        return n;
    }

    private void emit(String text) {
        if (!text.isEmpty()) {
            out.accept(text);
        }
    }

    private static Set<String> shingles(String code) {
        List<String> tokens = TOKEN.matcher(code).results().map(java.util.regex.MatchResult::group).toList();
        Set<String> result = new HashSet<>();
        for (int i = 0; i + 3 <= tokens.size(); i++) {
            result.add(String.join(" ", tokens.subList(i, i + 3)));
        }
        return result;
    }
}
