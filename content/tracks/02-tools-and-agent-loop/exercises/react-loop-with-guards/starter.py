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
    raise NotImplementedError("call the model, run requested tools, and stop on an answer or a guard")
