package io.agentcoach.coaching.guardrails;

import java.util.ArrayList;
import java.util.List;

/**
 * The coaching guardrails composed into the pipelines the gateway runs: one over everything that
 * goes into a prompt, one over every answer. Thread-safe; one instance serves all requests.
 */
public final class Guardrails {

    /** Tells the model what the untrusted-content fences mean; append it to the system prompt. */
    public static final String SYSTEM_PROMPT_NOTICE = UntrustedContentFence.SYSTEM_PROMPT_NOTICE;

    /** The {@link Decision.Block#reason()} of a refusal for missing consent: route the request to the offline coach. */
    public static final String CONSENT_MISSING = ConsentRule.REASON;

    private final GuardrailPipeline message;
    private final GuardrailPipeline untrustedContent;
    private final GuardrailPipeline answer;
    private final GuardrailPipeline history;

    public Guardrails(GuardrailSettings settings) {
        this(settings, new UntrustedContentFence());
    }

    Guardrails(GuardrailSettings settings, UntrustedContentFence fence) {
        PromptInjectionRule injection = new PromptInjectionRule(settings, fence);
        SensitiveDataRule sensitiveData = new SensitiveDataRule(settings);
        this.message = new GuardrailPipeline("learner-message", List.of(
                new ConsentRule(), new VagueQuestionRule(settings), injection, sensitiveData));
        this.untrustedContent = new GuardrailPipeline("untrusted-content", List.of(injection, sensitiveData));
        this.history = new GuardrailPipeline("history", List.of(sensitiveData));
        this.answer = new GuardrailPipeline("answer", List.of(
                new AnswerValidationRule(settings), new SystemPromptLeakRule(settings), new SolutionDisclosureRule(settings)));
    }

    /** Consent, vague question, prompt injection, then redaction (for an external provider). */
    public GuardrailPipeline messagePipeline() {
        return message;
    }

    /** Fencing and injection flags for retrieved documents and learner code, then redaction. */
    public GuardrailPipeline untrustedContentPipeline() {
        return untrustedContent;
    }

    /** Redaction only (for an external provider): the conversation's earlier turns, already checked when they were new. */
    public GuardrailPipeline historyPipeline() {
        return history;
    }

    /** Validation and repair, system-prompt leakage, then solution disclosure. */
    public GuardrailPipeline answerPipeline() {
        return answer;
    }

    /**
     * Checks everything that would go into one prompt.
     *
     * @param message the learner's message
     * @param retrievedDocuments passages from knowledge search, in prompt order
     * @param learnerCode the learner's code, or null when none is attached
     * @param context the request's context; its source is ignored (set per piece)
     */
    public InputCheck checkInput(String message, List<String> retrievedDocuments, String learnerCode, GuardContext context) {
        List<GuardrailPipeline.Step> trace = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        GuardrailPipeline.Result messageResult = this.message.run(message, context.withSource(GuardContext.Source.LEARNER_MESSAGE));
        trace.addAll(messageResult.trace());
        if (messageResult.decision().stops()) {
            return new InputCheck.Refused(messageResult.decision(), trace);
        }
        collectReasons(messageResult, reasons);
        List<String> documents = new ArrayList<>(retrievedDocuments.size());
        for (String document : retrievedDocuments) {
            GuardrailPipeline.Result result = untrustedContent.run(document, context.withSource(GuardContext.Source.RETRIEVED_DOCUMENT));
            trace.addAll(result.trace());
            collectReasons(result, reasons);
            documents.add(result.textOr(document));
        }
        String code = null;
        if (learnerCode != null && !learnerCode.isEmpty()) {
            GuardrailPipeline.Result result = untrustedContent.run(learnerCode, context.withSource(GuardContext.Source.LEARNER_CODE));
            trace.addAll(result.trace());
            collectReasons(result, reasons);
            code = result.textOr(learnerCode);
        }
        return new InputCheck.Proceed(messageResult.textOr(message), documents, code, reasons, trace);
    }

    /**
     * Checks one model answer and re-personalises it (placeholders of the request's redactions put
     * back), giving the text to show the learner.
     */
    public OutputCheck checkOutput(String modelAnswer, GuardContext context) {
        String raw = modelAnswer == null ? "" : modelAnswer;
        GuardrailPipeline.Result result = answer.run(raw, context.withSource(GuardContext.Source.MODEL_ANSWER));
        String checked = result.textOr(raw);
        List<String> reasons = new ArrayList<>();
        collectReasons(result, reasons);
        return new OutputCheck(context.redactions().restore(checked), reasons, result.trace());
    }

    private static void collectReasons(GuardrailPipeline.Result result, List<String> reasons) {
        if (result.decision() instanceof Decision.Rewrite rewrite) {
            reasons.addAll(rewrite.reasons());
        }
    }

    /** What the input check allows to be sent, or why nothing is sent. */
    public sealed interface InputCheck {

        /**
         * @param message the message to send (neutralised and redacted as needed)
         * @param retrievedDocuments each document fenced as data, flagged and redacted as needed
         * @param learnerCode the learner's code fenced as data, or null
         * @param reasons every change made, for logs
         * @param trace each rule's decision, for explainability
         */
        record Proceed(String message, List<String> retrievedDocuments, String learnerCode, List<String> reasons,
                List<GuardrailPipeline.Step> trace) implements InputCheck {
            public Proceed {
                retrievedDocuments = List.copyOf(retrievedDocuments);
                reasons = List.copyOf(reasons);
                trace = List.copyOf(trace);
            }
        }

        /**
         * @param decision a {@link Decision.Block} (show its user message) or {@link Decision.AskClarification}
         * @param trace each rule's decision, for explainability
         */
        record Refused(Decision decision, List<GuardrailPipeline.Step> trace) implements InputCheck {
            public Refused {
                trace = List.copyOf(trace);
            }
        }
    }

    /**
     * @param answer the text to show the learner
     * @param reasons every change made, empty when the answer passed unchanged
     * @param trace each rule's decision, for explainability
     */
    public record OutputCheck(String answer, List<String> reasons, List<GuardrailPipeline.Step> trace) {
        public OutputCheck {
            reasons = List.copyOf(reasons);
            trace = List.copyOf(trace);
        }
    }
}
