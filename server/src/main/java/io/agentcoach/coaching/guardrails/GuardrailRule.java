package io.agentcoach.coaching.guardrails;

/**
 * A named policy that inspects one piece of text in its context and returns a {@link Decision}.
 * Rules are pure functions of their input and settings: no I/O, no framework types.
 */
public interface GuardrailRule {

    /** A short, stable name used in reasons and traces (kebab-case). */
    String name();

    /**
     * Evaluates the text.
     *
     * @param text the text as left by the previous rule of the pipeline
     * @param context who sends it where, and what it is
     * @return the decision; never null
     */
    Decision evaluate(String text, GuardContext context);
}
