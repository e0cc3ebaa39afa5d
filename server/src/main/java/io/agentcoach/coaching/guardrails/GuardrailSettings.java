package io.agentcoach.coaching.guardrails;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Thresholds of the coaching guardrails (docs/guardrails.md explains each). The rules read this
 * record only; the annotations merely let Spring bind it from {@code agentcoach.coaching.guardrails.*}.
 *
 * @param injectionFlagScore prompt-injection score from which untrusted content is flagged and a
 *     learner message is neutralised
 * @param injectionBlockScore score from which a learner message is refused
 * @param leakNgramSize words per n-gram when comparing an answer with the system prompt
 * @param leakMinSharedNgrams shared n-grams from which an answer counts as reproducing the system prompt
 * @param solutionKgramSize code tokens per k-gram in solution fingerprints
 * @param solutionWindow winnowing window (k-grams) for solution fingerprints
 * @param solutionMaxContainment share of the reference solution's fingerprints an answer may contain
 *     while the exercise is unsolved
 * @param vagueMaxChars longest message that can be judged vague
 * @param secretMinEntropy Shannon entropy (bits per character) from which a value assigned to a
 *     secret-like name is redacted
 * @param secretMinLength shortest value assigned to a secret-like name that is redacted
 * @param garbledMaxRatio share of replacement and control characters from which an answer is garbage
 */
@Validated
@ConfigurationProperties("agentcoach.coaching.guardrails")
public record GuardrailSettings(
        @DefaultValue("0.4") @DecimalMin("0.0") @DecimalMax("1.0") double injectionFlagScore,
        @DefaultValue("0.7") @DecimalMin("0.0") @DecimalMax("1.0") double injectionBlockScore,
        @DefaultValue("6") @Min(3) @Max(20) int leakNgramSize,
        @DefaultValue("3") @Min(1) @Max(100) int leakMinSharedNgrams,
        @DefaultValue("5") @Min(2) @Max(20) int solutionKgramSize,
        @DefaultValue("4") @Min(1) @Max(20) int solutionWindow,
        @DefaultValue("0.5") @DecimalMin("0.05") @DecimalMax("1.0") double solutionMaxContainment,
        @DefaultValue("80") @Min(1) @Max(1000) int vagueMaxChars,
        @DefaultValue("3.0") @DecimalMin("0.0") @DecimalMax("8.0") double secretMinEntropy,
        @DefaultValue("8") @Min(1) @Max(256) int secretMinLength,
        @DefaultValue("0.05") @DecimalMin("0.0") @DecimalMax("1.0") double garbledMaxRatio) {

    /** The documented defaults (the same as the {@code @DefaultValue}s). */
    public static GuardrailSettings defaults() {
        return new GuardrailSettings(0.4, 0.7, 6, 3, 5, 4, 0.5, 80, 3.0, 8, 0.05);
    }
}
