"""Plan-and-execute with re-planning after tool failures."""

import json
from dataclasses import dataclass, field

from agentlab import ToolError

PLANNER_PROMPT = (
    "You plan tool calls for a travel assistant. Reply with JSON only: "
    "{\"steps\": [{\"tool\": <tool name>, \"arguments\": {...}}, ...]}. "
    "When a step fails you will be told what failed and what is already done; "
    "return a plan for the remaining work only."
)


@dataclass
class PlanResult:
    status: str
    completed: list[dict] = field(default_factory=list)
    replans: int = 0
    error: str | None = None


def parse_plan(text: str) -> list[dict]:
    """Return the list of steps in a planner reply."""
    return json.loads(text)["steps"]


def run_plan(planner, registry, goal: str, max_replans: int = 2) -> PlanResult:
    """Execute the planner's steps; on a tool error ask for a revised plan."""
    # First cut: executes the first plan and gives up at the first failure.
    messages = [{"role": "system", "content": PLANNER_PROMPT}, {"role": "user", "content": "Goal: " + goal}]
    reply = planner.complete(messages, temperature=0)
    completed = []
    for step in parse_plan(reply.content):
        try:
            result = registry.invoke(step["tool"], step["arguments"])
        except ToolError as error:
            return PlanResult("failed", completed, 0, str(error))
        completed.append({"tool": step["tool"], "arguments": step["arguments"], "result": result})
    return PlanResult("done", completed, 0)
