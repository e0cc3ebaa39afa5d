package io.agentcoach.content;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * A lesson's check question, also used by placement. {@code answerIndex} is set for choice
 * questions, {@code accepted} for short-answer ones.
 */
public record CheckQuestion(String id, Type type, String prompt, List<String> options, Integer answerIndex,
        List<String> accepted, String skill, String explanation) {

    public enum Type { CHOICE, SHORT }

    public CheckQuestion {
        options = List.copyOf(options);
        accepted = List.copyOf(accepted);
    }

    /** Whether {@code answer} is right: the option's index for choice questions, the text for short ones. */
    public boolean isCorrect(String answer) {
        if (answer == null) {
            return false;
        }
        return switch (type) {
            case CHOICE -> answer.trim().equals(String.valueOf(answerIndex));
            case SHORT -> accepted.stream().anyMatch(a -> normalize(a).equals(normalize(answer)));
        };
    }

    private static String normalize(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
