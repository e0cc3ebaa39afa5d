package io.agentcoach.coaching;

/** Exercises as the coach's tests need them. */
public final class ExerciseFixtures {

    /** The reference solution of the agent-loop exercise {@code loop-01}. */
    public static final String AGENT_LOOP_SOLUTION = """
            def run_agent(model, tools, question, max_steps=10):
                messages = [{"role": "user", "content": question}]
                for step in range(max_steps):
                    reply = model.chat(messages, tools=tools)
                    if not reply.tool_calls:
                        return reply.text
                    for call in reply.tool_calls:
                        result = tools[call.name](**call.arguments)
                        messages.append({"role": "tool", "content": result})
                raise RuntimeError("agent did not finish")
            """;

    private ExerciseFixtures() {
    }
}
