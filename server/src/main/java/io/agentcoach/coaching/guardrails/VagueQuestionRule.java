package io.agentcoach.coaching.guardrails;

import java.util.Set;

/**
 * A short message made only of generic words ("it doesn't work", "help", "why?") with neither an
 * exercise nor code attached gets a clarifying question back instead of a guess. With an exercise
 * in context the coach can look at the latest code and test results itself, so the message passes.
 */
record VagueQuestionRule(GuardrailSettings settings) implements GuardrailRule {

    static final String NAME = "vague-question";
    static final String QUESTION = "I'd like to help, but I need a bit more to go on. Could you share: the exact error "
            + "message or output you see, the name of the failing test (if any), and the code you are running (paste "
            + "the relevant part, or open the exercise so I can see it)? And what did you expect to happen?";

    /** Words that carry no topic: a message made only of these says something is wrong but not what. */
    private static final Set<String> GENERIC = Set.of(
            "it", "this", "that", "my", "the", "a", "an", "code", "please", "pls", "plz", "doesnt", "doesn", "does", "not",
            "t", "s", "work", "works", "working", "worked", "help", "me", "why", "what", "how", "wrong", "error", "errors",
            "broken", "stuck", "fix", "i", "am", "im", "is", "isnt", "there", "any", "idea", "ideas", "still", "again",
            "now", "so", "hi", "hello", "hey", "can", "you", "could", "someone", "anyone", "issue", "problem",
            "failing", "fails", "fail", "failed", "dont", "don", "understand", "get", "it's", "its", "whats", "happening",
            "going", "on", "here", "thing", "something", "wont", "won", "run", "runs", "running", "with", "help!", "ok",
            "okay", "hmm", "huh", "need", "do", "to", "be", "did", "crash", "crashes", "crashed", "bug", "same", "yet",
            "just", "all", "at", "also", "but", "and", "or", "of", "in", "for");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Decision evaluate(String text, GuardContext context) {
        if (context.exercise() != null || context.hasCodeContext()) {
            return Decision.ALLOW;
        }
        String stripped = text.strip();
        if (stripped.length() > settings.vagueMaxChars() || stripped.contains("`") || stripped.contains("\n")) {
            return Decision.ALLOW;
        }
        String folded = TextNormalizer.fold(stripped).replace("’", "'").replace("'", "");
        for (String word : folded.split("[^\\p{L}\\p{N}_]+")) {
            if (!word.isEmpty() && !GENERIC.contains(word)) {
                return Decision.ALLOW;
            }
        }
        return new Decision.AskClarification(QUESTION);
    }
}
