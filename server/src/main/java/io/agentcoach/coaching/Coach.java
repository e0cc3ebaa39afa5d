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
    CoachAnswer answer(CoachQuestion question, Consumer<String> tokens);
}
