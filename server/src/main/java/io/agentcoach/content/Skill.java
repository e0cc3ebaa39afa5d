package io.agentcoach.content;

import java.util.List;

/** One skill of agentic AI engineering, a node of the skill graph. */
public record Skill(String id, String name, String description, List<String> prerequisites) {

    public Skill {
        prerequisites = List.copyOf(prerequisites);
    }
}
