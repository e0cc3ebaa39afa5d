"""Helpers that build OpenAI-style chat message dicts.

A message is a plain dict: ``{"role": "system" | "user" | "assistant" | "tool",
"content": str | None}``, plus ``tool_calls`` on assistant messages that request tools
and ``tool_call_id`` on tool messages that answer them.
"""

from __future__ import annotations

from typing import Any

ROLES = ("system", "user", "assistant", "tool")


def system(content: str) -> dict[str, Any]:
    """A system message."""
    return {"role": "system", "content": content}


def user(content: str) -> dict[str, Any]:
    """A user message."""
    return {"role": "user", "content": content}


def assistant(content: str | None = None, tool_calls: list[Any] | None = None) -> dict[str, Any]:
    """An assistant message; ``tool_calls`` may hold ToolCall objects or dicts."""
    message: dict[str, Any] = {"role": "assistant", "content": content}
    if tool_calls:
        message["tool_calls"] = [tc.to_dict() if hasattr(tc, "to_dict") else dict(tc) for tc in tool_calls]
    return message


def tool_message(tool_call_id: str, content: str) -> dict[str, Any]:
    """A tool message answering the call with id ``tool_call_id``."""
    return {"role": "tool", "tool_call_id": tool_call_id, "content": content}
