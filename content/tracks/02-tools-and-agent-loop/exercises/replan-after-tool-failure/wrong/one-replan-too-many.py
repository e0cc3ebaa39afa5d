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


def _previous_result(completed: list[dict], step: dict):
    for done in completed:
        if done["tool"] == step["tool"] and done["arguments"] == step.get("arguments", {}):
            return True, done["result"]
    return False, None


def run_plan(planner, registry, goal: str, max_replans: int = 2) -> PlanResult:
    """Execute the planner's steps; on a tool error ask for a revised plan."""
    messages = [{"role": "system", "content": PLANNER_PROMPT}, {"role": "user", "content": "Goal: " + goal}]
    completed: list[dict] = []
    replans = 0
    reply = planner.complete(messages, temperature=0)
    while True:
        failure = None
        for step in parse_plan(reply.content):
            arguments = step.get("arguments", {})
            seen, _ = _previous_result(completed, step)
            if seen:
                continue
            try:
                result = registry.invoke(step["tool"], arguments)
            except ToolError as error:
                failure = (step, error)
                break
            completed.append({"tool": step["tool"], "arguments": arguments, "result": result})
        if failure is None:
            return PlanResult("done", completed, replans)
        step, error = failure
        if replans > max_replans:
            return PlanResult("failed", completed, replans, str(error))
        messages.append({"role": "assistant", "content": reply.content})
        messages.append({
            "role": "user",
            "content": (
                f"Step failed: {step['tool']} {json.dumps(step.get('arguments', {}))} -> {error}\n"
                f"Completed steps: {json.dumps(completed)}\n"
                "Return a revised plan for the remaining work only."
            ),
        })
        replans += 1
        reply = planner.complete(messages, temperature=0)
