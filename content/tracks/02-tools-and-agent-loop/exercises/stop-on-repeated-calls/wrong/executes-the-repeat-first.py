"""An agent loop with explicit, distinguishable stopping conditions."""

import json
from collections import Counter
from dataclasses import dataclass

from agentlab import ModelError

SYSTEM_PROMPT = (
    "You are a research assistant. Use the tools to gather facts. When you have the answer, "
    "call the finish tool with it. Do not repeat a tool call that already returned a result."
)

FINISH_TOOL = {
    "name": "finish",
    "description": "Call this exactly once with the final answer when the task is complete.",
    "parameters": {
        "type": "object",
        "properties": {"answer": {"type": "string", "description": "The final answer for the user."}},
        "required": ["answer"],
        "additionalProperties": False,
    },
}


@dataclass
class RunOutcome:
    answer: str | None
    stop_reason: str
    iterations: int
    detail: str | None = None


def _key(name: str, arguments: dict) -> tuple[str, str]:
    return name, json.dumps(arguments, sort_keys=True)


def run_until_done(model, registry, task: str, max_iterations: int = 8, max_repeats: int = 2) -> RunOutcome:
    """Run the agent and report why it stopped."""
    messages = [{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": task}]
    tools = registry.schemas() + [FINISH_TOOL]
    executed: Counter = Counter()
    for iteration in range(1, max_iterations + 1):
        try:
            response = model.complete(messages, tools=tools)
        except ModelError as error:
            return RunOutcome(None, "model_error", iteration, str(error))
        messages.append(response.to_message())
        if not response.tool_calls:
            return RunOutcome(response.content, "final_answer", iteration)
        for call in response.tool_calls:
            if call.name == "finish":
                return RunOutcome(call.arguments.get("answer"), "finish_tool", iteration)
        for call in response.tool_calls:
            key = _key(call.name, call.arguments)
            executed[key] += 1
            messages.append(registry.execute(call).to_message())
            if executed[key] > max_repeats:
                return RunOutcome(None, "repeated_call", iteration, call.name)
    return RunOutcome(None, "max_iterations", max_iterations)
