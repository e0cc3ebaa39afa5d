package io.agentcoach.coaching;

/**
 * One tool call the coach made while answering, as logged with the answer.
 *
 * @param tool the tool's name
 * @param arguments the arguments as sent (JSON, truncated)
 * @param outcome {@code ok}, {@code error}, {@code timeout} or {@code refused} (over the answer's bounds)
 * @param resultExcerpt the start of what the tool returned
 * @param durationMillis how long it ran
 */
public record CoachToolCall(String tool, String arguments, String outcome, String resultExcerpt, long durationMillis) {

    public static final int MAX_TEXT = 2_000;

    public CoachToolCall {
        arguments = cut(arguments);
        resultExcerpt = cut(resultExcerpt);
    }

    private static String cut(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }
}
