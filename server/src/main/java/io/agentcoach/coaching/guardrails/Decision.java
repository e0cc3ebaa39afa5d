package io.agentcoach.coaching.guardrails;

import java.util.List;
import java.util.Objects;

/**
 * What a guardrail rule decided about one piece of text. Rules never throw for bad content: they
 * answer with one of these four outcomes.
 */
public sealed interface Decision {

    /** The text passes unchanged. */
    record Allow() implements Decision {
    }

    /**
     * The text passes in a changed form (redacted, fenced, repaired or replaced).
     *
     * @param text the text to use instead
     * @param reasons why, one entry per change, each prefixed with the rule's name
     */
    record Rewrite(String text, List<String> reasons) implements Decision {
        public Rewrite {
            Objects.requireNonNull(text, "text");
            reasons = List.copyOf(reasons);
        }
    }

    /**
     * The text must not go further.
     *
     * @param reason a stable, machine-readable reason for logs and analytics
     * @param userMessage what the learner is told
     */
    record Block(String reason, String userMessage) implements Decision {
    }

    /**
     * The message is too vague to answer well; the learner gets this question back instead of a guess.
     *
     * @param question the clarifying question, naming what to share
     */
    record AskClarification(String question) implements Decision {
    }

    /** The single {@link Allow} instance. */
    Allow ALLOW = new Allow();

    /** True when this decision stops the pipeline (nothing is sent on). */
    default boolean stops() {
        return this instanceof Block || this instanceof AskClarification;
    }
}
