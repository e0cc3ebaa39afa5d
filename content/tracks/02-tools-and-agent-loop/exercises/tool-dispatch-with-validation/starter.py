"""Execute the tool calls requested by a model, turning every failure into a message."""

import json

from agentlab import Tool


def execute_tool_calls(tool_calls: list[dict], tools: list[Tool], max_chars: int = 2000) -> list[dict]:
    """Return one tool message per call, in order; never raise for tool problems."""
    by_name = {tool.name: tool for tool in tools}
    messages = []
    for call in tool_calls:
        function = call["function"]
        # First cut: trusts the model completely.
        arguments = json.loads(function["arguments"])
        result = by_name[function["name"]].func(**arguments)
        messages.append({"role": "tool", "tool_call_id": call["id"], "content": str(result)})
    return messages
