package io.agentcoach.coaching.guardrails;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Pedagogy: while the learner's exercise is unsolved, an answer whose code contains at least
 * {@code solutionMaxContainment} of the reference solution's fingerprints is rewritten: the code
 * blocks that carry the match are replaced by a hint naming the constructs the learner needs,
 * the explanation around them stays. Small snippets (a signature, one line) stay below the threshold.
 */
final class SolutionDisclosureRule implements GuardrailRule {

    static final String NAME = "solution-disclosure";
    /** Share of the reference a single block must carry to be withheld once the answer as a whole is too close. */
    private static final double BLOCK_SHARE = 0.15;

    private final GuardrailSettings settings;
    private final LastComputed<String, ReferenceFingerprints> referenceFingerprints;

    SolutionDisclosureRule(GuardrailSettings settings) {
        this.settings = settings;
        this.referenceFingerprints = new LastComputed<>(this::fingerprint);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Decision evaluate(String text, GuardContext context) {
        if (!context.exerciseUnsolved() || context.exercise().referenceSolution().isBlank()) {
            return Decision.ALLOW;
        }
        ReferenceFingerprints fingerprints = referenceFingerprints.get(context.exercise().referenceSolution());
        if (fingerprints.hashes().isEmpty()) {
            return Decision.ALLOW;
        }
        int k = fingerprints.k();
        Set<Long> reference = fingerprints.hashes();

        List<CodeBlocks.Block> blocks = CodeBlocks.parse(text);
        if (blocks.isEmpty()) {
            blocks = List.of(new CodeBlocks.Block(0, text.length(), text, true));
        }
        Set<Long> matchedOverall = new HashSet<>();
        List<Double> shares = new ArrayList<>(blocks.size());
        for (CodeBlocks.Block block : blocks) {
            Set<Long> hashes = CodeFingerprints.asSet(CodeFingerprints.kgramHashes(CodeFingerprints.tokens(block.code()), k));
            hashes.retainAll(reference);
            matchedOverall.addAll(hashes);
            shares.add((double) hashes.size() / reference.size());
        }
        double containment = (double) matchedOverall.size() / reference.size();
        if (containment < settings.solutionMaxContainment()) {
            return Decision.ALLOW;
        }
        StringBuilder rewritten = new StringBuilder(text.length());
        int last = 0;
        int withheld = 0;
        for (int i = 0; i < blocks.size(); i++) {
            CodeBlocks.Block block = blocks.get(i);
            if (shares.get(i) < BLOCK_SHARE) {
                continue;
            }
            rewritten.append(text, last, block.start()).append(hint(block.code()));
            if (block.end() > block.start() && text.charAt(block.end() - 1) == '\n') {
                rewritten.append('\n');
            }
            last = block.end();
            withheld++;
        }
        rewritten.append(text, last, text.length());
        return new Decision.Rewrite(rewritten.toString(), List.of(String.format(Locale.ROOT,
                "%s: withheld %d code block(s) containing %.0f%% of the reference solution of exercise %s",
                NAME, withheld, containment * 100, context.exercise().exerciseId())));
    }

    private ReferenceFingerprints fingerprint(String referenceSolution) {
        List<String> tokens = CodeFingerprints.tokens(referenceSolution);
        int k = Math.max(1, Math.min(settings.solutionKgramSize(), tokens.size()));
        return new ReferenceFingerprints(k,
                Set.copyOf(CodeFingerprints.winnow(CodeFingerprints.kgramHashes(tokens, k), settings.solutionWindow())));
    }

    private record ReferenceFingerprints(int k, Set<Long> hashes) {
    }

    /** The hint that replaces withheld code: what the code is built from, not the code. */
    static String hint(String code) {
        List<String> tokens = CodeFingerprints.tokens(code);
        Set<String> constructs = new LinkedHashSet<>();
        if (tokens.contains("def") || tokens.contains("function") || tokens.contains("func")) {
            constructs.add("a function of its own");
        }
        if (tokens.contains("class") || tokens.contains("record")) {
            constructs.add("a class to hold the state");
        }
        if (tokens.contains("for") || tokens.contains("while")) {
            constructs.add("a loop over the input");
        }
        if (tokens.contains("if") || tokens.contains("switch") || tokens.contains("case")) {
            constructs.add("a condition that decides each case");
        }
        if (tokens.contains("try") || tokens.contains("except") || tokens.contains("catch")) {
            constructs.add("error handling around the risky call");
        }
        if (tokens.contains("{") && tokens.contains(":") || tokens.contains("[")) {
            constructs.add("a collection (list or dictionary) to keep intermediate results");
        }
        if (tokens.contains("return")) {
            constructs.add("a return value the tests can check");
        }
        String outline = constructs.isEmpty() ? "" : " The approach needs " + String.join(", ", constructs) + ".";
        return "> **Code withheld:** this exercise is still unsolved, so the coach gives hints rather than the solution."
                + outline + " Try writing this part yourself, run the tests, and ask about the first step that fails.";
    }
}
