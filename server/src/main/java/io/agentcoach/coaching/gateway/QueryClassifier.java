package io.agentcoach.coaching.gateway;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.agentcoach.coaching.RoutingDecision.Complexity;
import io.agentcoach.coaching.RoutingDecision.QueryType;

/**
 * Classifies a question by cheap deterministic rules: keyword families, code blocks and length.
 * Cheap enough to run on every message before any model is chosen.
 */
final class QueryClassifier {

    record Classification(QueryType type, Complexity complexity, String why) {
    }

    private static final List<String> DEBUGGING = List.of("error", "exception", "stack trace", "stacktrace",
            "traceback", "fails", "failing", "failed", "bug", "doesn't work", "does not work", "crash", "broken",
            "expected", "assert", "timeout", "nullpointer", "undefined", "hangs");
    private static final List<String> CODE_REVIEW = List.of("review", "feedback on my", "is this code",
            "improve my code", "improve this", "refactor", "clean up", "code quality", "better way to write");
    private static final List<String> ARCHITECTURE = List.of("architecture", "architect", "design", "scale",
            "scaling", "trade-off", "tradeoff", "microservice", "orchestrat", "multi-agent", "multiagent",
            "deploy", "topology", "pattern", "system of");
    private static final List<String> DOMAIN = List.of("agent", "llm", "model", "prompt", "tool", "code", "test",
            "function", "class", "api", "rag", "retriev", "embedding", "vector", "memory", "token", "langchain",
            "java", "python", "exercise", "lesson", "chain", "context", "eval", "guardrail", "json", "http",
            "program", "loop", "planner", "workflow", "method", "variable");
    private static final List<String> OFF_TOPIC = List.of("weather", "recipe", "football", "soccer", "movie",
            "film", "song", "lyrics", "horoscope", "joke", "celebrity", "lottery", "dating", "vacation",
            "restaurant", "stock price", "bitcoin price", "sports");
    private static final List<String> DEMANDING = List.of("compare", "trade-off", "tradeoff", "why not",
            "instead of", "step by step", "in depth", "in detail", "pros and cons", "production");
    private static final Pattern CODE_FENCE = Pattern.compile("```");

    Classification classify(String message) {
        String text = message.toLowerCase(Locale.ROOT);
        boolean hasCode = CODE_FENCE.matcher(message).find() || text.contains("def ") || text.contains("public class ");
        QueryType type;
        String why;
        String offTopicWord = firstOf(text, OFF_TOPIC);
        String debuggingWord = firstOf(text, DEBUGGING);
        String reviewWord = firstOf(text, CODE_REVIEW);
        String architectureWord = firstOf(text, ARCHITECTURE);
        if (offTopicWord != null && firstOf(text, DOMAIN) == null && !hasCode) {
            type = QueryType.OFF_TOPIC;
            why = "mentions '" + offTopicWord + "' and nothing from the curriculum";
        } else if (debuggingWord != null) {
            type = QueryType.DEBUGGING;
            why = "mentions '" + debuggingWord + "'";
        } else if (reviewWord != null || (hasCode && architectureWord == null)) {
            type = QueryType.CODE_REVIEW;
            why = reviewWord != null ? "mentions '" + reviewWord + "'" : "contains code";
        } else if (architectureWord != null) {
            type = QueryType.ARCHITECTURE;
            why = "mentions '" + architectureWord + "'";
        } else {
            type = QueryType.CONCEPT;
            why = "no debugging, review or architecture cues";
        }
        long questions = message.chars().filter(c -> c == '?').count();
        long lines = message.lines().count();
        String demandingWord = firstOf(text, DEMANDING);
        Complexity complexity;
        String complexityWhy;
        if (message.length() > 600 || lines > 25) {
            complexity = Complexity.HIGH;
            complexityWhy = "long (" + message.length() + " characters, " + lines + " lines)";
        } else if (questions >= 3) {
            complexity = Complexity.HIGH;
            complexityWhy = questions + " questions in one message";
        } else if (demandingWord != null) {
            complexity = Complexity.HIGH;
            complexityWhy = "asks to '" + demandingWord + "'";
        } else if (type == QueryType.ARCHITECTURE) {
            complexity = Complexity.HIGH;
            complexityWhy = "architecture questions weigh alternatives";
        } else {
            complexity = Complexity.LOW;
            complexityWhy = "short and single-focused";
        }
        return new Classification(type, complexity, why + "; " + complexityWhy);
    }

    private static String firstOf(String text, List<String> words) {
        for (String word : words) {
            if (text.contains(word)) {
                return word;
            }
        }
        return null;
    }
}
