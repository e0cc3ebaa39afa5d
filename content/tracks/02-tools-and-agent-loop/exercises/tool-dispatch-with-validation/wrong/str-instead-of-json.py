"""Execute the tool calls requested by a model, turning every failure into a message."""

import json

from agentlab import Tool


def _render(value) -> str:
    return value if isinstance(value, str) else json.dumps(value, sort_keys=True)


def _truncate(text: str, max_chars: int) -> str:
    if len(text) <= max_chars:
        return text
    return text[:max_chars] + f"\n[truncated {len(text) - max_chars} characters]"


def _run_one(call: dict, by_name: dict, max_chars: int) -> str:
    function = call.get("function", {})
    name = function.get("name", "")
    raw = function.get("arguments") or ""
    try:
        arguments = json.loads(raw) if raw.strip() else {}
    except json.JSONDecodeError as exc:
        return f"Error: arguments for {name} are not valid JSON: {exc.msg}"
    if not isinstance(arguments, dict):
        return f"Error: arguments for {name} must be a JSON object"
    tool = by_name.get(name)
    if tool is None:
        return f"Error: unknown tool '{name}'. Available tools: {', '.join(sorted(by_name))}"
    problems = tool.validate(arguments)
    if problems:
        return f"Error: invalid arguments for {name}: {'; '.join(problems)}"
    try:
        value = tool.func(**arguments)
    except Exception as exc:
        return f"Error: {name} failed: {type(exc).__name__}: {exc}"
    return _truncate(str(value), max_chars)


def execute_tool_calls(tool_calls: list[dict], tools: list[Tool], max_chars: int = 2000) -> list[dict]:
    """Return one tool message per call, in order; never raise for tool problems."""
    by_name = {tool.name: tool for tool in tools}
    return [
        {"role": "tool", "tool_call_id": call.get("id"), "content": _run_one(call, by_name, max_chars)}
        for call in tool_calls
    ]
