package io.agentcoach.mastery.path;

import java.util.List;

import io.agentcoach.mastery.Curriculum;

/** A small agent-building curriculum: prompting, then tool calling, then a ReAct loop, then a crew; RAG beside. */
public final class CurriculumFixture implements Curriculum {

    @Override
    public List<Skill> skills() {
        return List.of(
                new Skill("prompting", "Prompting", List.of()),
                new Skill("tool-calling", "Tool calling", List.of("prompting")),
                new Skill("react-loop", "ReAct loop", List.of("tool-calling")),
                new Skill("multi-agent", "Multi-agent crew", List.of("react-loop")),
                new Skill("rag", "Retrieval", List.of("prompting")));
    }

    @Override
    public List<Activity> activities() {
        return List.of(
                new Activity("prompt-easy", "Write a system prompt", "exercise", List.of("prompting"), 10),
                new Activity("prompt-mid", "Few-shot classifier", "exercise", List.of("prompting"), 15),
                new Activity("tools-1", "Call a weather tool", "exercise", List.of("tool-calling"), 20),
                new Activity("tools-2", "Tool errors and retries", "exercise", List.of("tool-calling"), 25),
                new Activity("react-1", "A ReAct agent", "exercise", List.of("react-loop"), 30),
                new Activity("crew-1", "A two-agent crew", "exercise", List.of("multi-agent"), 45),
                new Activity("rag-1", "Retrieve then answer", "exercise", List.of("rag"), 30));
    }
}
