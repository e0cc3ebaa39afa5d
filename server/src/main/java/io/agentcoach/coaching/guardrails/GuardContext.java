package io.agentcoach.coaching.guardrails;

import java.util.Objects;

/**
 * Everything a rule may need besides the text itself.
 *
 * @param source what the text is (a learner message, a retrieved document, learner code, a model answer)
 * @param externalProvider whether the text goes to (or comes from) a provider outside this server
 * @param consentToExternalProcessing the user's consent flag for external processing
 * @param exercise the exercise the conversation is about, or null
 * @param hasCodeContext whether the learner's code is attached to the request
 * @param systemPrompt the system prompt actually sent to the model ("" when none)
 * @param redactions the reversible placeholder mapping of this request
 */
public record GuardContext(
        Source source,
        boolean externalProvider,
        boolean consentToExternalProcessing,
        ExerciseContext exercise,
        boolean hasCodeContext,
        String systemPrompt,
        Redactions redactions) {

    public GuardContext {
        Objects.requireNonNull(source, "source");
        systemPrompt = systemPrompt == null ? "" : systemPrompt;
        redactions = redactions == null ? new Redactions() : redactions;
    }

    /** What a piece of text is; retrieved documents and learner code are untrusted data. */
    public enum Source {
        LEARNER_MESSAGE, RETRIEVED_DOCUMENT, LEARNER_CODE, MODEL_ANSWER;

        /** True for content that is placed into prompts but was not typed as a question by the learner. */
        public boolean untrustedData() {
            return this == RETRIEVED_DOCUMENT || this == LEARNER_CODE;
        }
    }

    /**
     * The exercise a conversation is tied to.
     *
     * @param exerciseId the exercise's id
     * @param solved whether this learner has solved it
     * @param referenceSolution the reference solution's code ("" when the exercise has none)
     */
    public record ExerciseContext(String exerciseId, boolean solved, String referenceSolution) {
        public ExerciseContext {
            referenceSolution = referenceSolution == null ? "" : referenceSolution;
        }
    }

    /** The same context for another kind of text. */
    public GuardContext withSource(Source newSource) {
        return new GuardContext(newSource, externalProvider, consentToExternalProcessing, exercise, hasCodeContext,
                systemPrompt, redactions);
    }

    /** True while the conversation is about an exercise this learner has not solved yet. */
    public boolean exerciseUnsolved() {
        return exercise != null && !exercise.solved();
    }
}
