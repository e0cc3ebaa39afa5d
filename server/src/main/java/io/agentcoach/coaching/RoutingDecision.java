package io.agentcoach.coaching;

import java.util.List;

/**
 * Which models the gateway tries for a question, in order, and why; the offline coach always
 * comes last.
 *
 * @param queryType what kind of question it is
 * @param complexity how demanding it looks
 * @param chain model ids ({@code provider:model}) in the order they are tried
 * @param reason why this order, in words an operator or learner can read
 */
public record RoutingDecision(QueryType queryType, Complexity complexity, List<String> chain, String reason) {

    public RoutingDecision {
        chain = List.copyOf(chain);
    }

    public enum QueryType {
        CONCEPT, CODE_REVIEW, DEBUGGING, ARCHITECTURE, OFF_TOPIC
    }

    public enum Complexity {
        LOW, HIGH
    }
}
