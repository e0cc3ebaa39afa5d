package io.agentcoach.coaching;

import java.util.function.Consumer;

/**
 * Answers a learner's question, streaming the answer as it is produced. Always answers: when
 * every model fails, or budgets or routing rule models out, the offline coach answers.
 */
public interface Coach {

    /**
     * Streams the answer's tokens to {@code tokens} in order, on the calling thread or another,
     * and returns the complete answer once the last token was delivered.
     */
    default CoachAnswer answer(CoachQuestion question, Consumer<String> tokens) {
        return answer(question, tokens, new AnswerStop());
    }

    /**
     * As {@link #answer(CoachQuestion, Consumer)}, ending early once {@code stop} is stopped: the
     * provider's stream is cancelled, the answer returned is what was streamed until then
     * ({@link CoachAnswer#stopped()}), and the tokens used so far are still recorded.
     */
    CoachAnswer answer(CoachQuestion question, Consumer<String> tokens, AnswerStop stop);
}
