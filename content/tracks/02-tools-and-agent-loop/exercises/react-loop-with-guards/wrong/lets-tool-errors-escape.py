"""A ReAct agent loop with iteration and token guards."""

from dataclasses import dataclass

from agentlab import Usage, count_message_tokens, count_tool_schema_tokens


@dataclass
class AgentResult:
    answer: str | None
    stop_reason: str
    iterations: int
    usage: Usage


def run_agent(model, registry, task: str, system_prompt: str,
              max_iterations: int = 6, max_total_tokens: int | None = None) -> AgentResult:
    """Run the reason-act-observe loop until a final answer or a guard stops it."""
    messages = [
        {"role": "system", "content": system_prompt},
        {"role": "user", "content": task},
    ]
    schemas = registry.schemas()
    usage = Usage()
    iterations = 0
    for _ in range(max_iterations):
        if max_total_tokens is not None:
            estimate = count_message_tokens(messages) + count_tool_schema_tokens(schemas)
            if usage.total_tokens + estimate > max_total_tokens:
                return AgentResult(None, "token_budget", iterations, usage)
        response = model.complete(messages, tools=schemas, temperature=0)
        iterations += 1
        usage = usage + response.usage
        messages.append(response.to_message())
        if not response.tool_calls:
            return AgentResult(response.content, "final_answer", iterations, usage)
        for call in response.tool_calls:
            result = registry.invoke(call.name, call.arguments, call_id=call.id)
            messages.append({"role": "tool", "tool_call_id": call.id, "content": str(result)})
    return AgentResult(None, "max_iterations", iterations, usage)
