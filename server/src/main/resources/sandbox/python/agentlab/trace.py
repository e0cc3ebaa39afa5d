"""An ordered record of what an agent did: model calls and tool invocations.

Give one :class:`Trace` to a :class:`~agentlab.model.ScriptedModel` and a
:class:`~agentlab.tools.ToolRegistry` (``trace=`` argument) and both append to it in
the order things happen. Tests then grade an agent by its behaviour::

    assert len(trace.tool_calls("search")) == 1
    assert trace.final_answer == "Paris"
    assert trace.total_usage.total_tokens < 2_000
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any, Union

from .tokens import PriceTable, Usage


@dataclass
class ModelCall:
    """One request to a model and what came back.

    ``messages`` is a deep copy taken at call time, so later mutation of the caller's
    list does not rewrite history. ``tools`` holds the offered tool schemas,
    ``params`` the keyword parameters (temperature, max_tokens, ...).
    ``response`` is None when the call raised; ``error`` then holds the exception.
    """

    messages: list[dict[str, Any]]
    tools: list[dict[str, Any]]
    params: dict[str, Any]
    response: Any = None  # ModelResponse; typed loosely to avoid an import cycle
    usage: Usage = field(default_factory=Usage)
    error: BaseException | None = None
    model: str = "scripted-model"
    stream: bool = False

    @property
    def tool_names(self) -> list[str]:
        """Names of the tools offered in this call."""
        return [t.get("name", "") for t in self.tools]


@dataclass
class ToolInvocation:
    """One tool invocation: what was asked and how it ended.

    ``ok`` is True when the function returned; otherwise ``error`` holds the message
    (validation problem, unknown tool, or the exception the function raised).
    """

    name: str
    arguments: dict[str, Any]
    result: Any = None
    error: str | None = None
    call_id: str | None = None

    @property
    def ok(self) -> bool:
        """True when the invocation returned a result."""
        return self.error is None


TraceEvent = Union[ModelCall, ToolInvocation]


class Trace:
    """Ordered, queryable record of model calls and tool invocations."""

    def __init__(self) -> None:
        #: Every event in order, model calls and tool invocations interleaved.
        self.events: list[TraceEvent] = []

    # -- recording -------------------------------------------------------------
    def record_model_call(self, call: ModelCall) -> None:
        """Append a model call (done for you by ScriptedModel)."""
        self.events.append(call)

    def record_tool_call(self, invocation: ToolInvocation) -> None:
        """Append a tool invocation (done for you by ToolRegistry)."""
        self.events.append(invocation)

    # -- queries ---------------------------------------------------------------
    @property
    def model_calls(self) -> list[ModelCall]:
        """All model calls, in order."""
        return [e for e in self.events if isinstance(e, ModelCall)]

    def tool_calls(self, name: str | None = None) -> list[ToolInvocation]:
        """All tool invocations, or only those of tool ``name``, in order."""
        return [
            e for e in self.events
            if isinstance(e, ToolInvocation) and (name is None or e.name == name)
        ]

    @property
    def tool_names(self) -> list[str]:
        """Names of invoked tools in order, e.g. ``["search", "search", "calculator"]``."""
        return [e.name for e in self.tool_calls()]

    @property
    def failed_tool_calls(self) -> list[ToolInvocation]:
        """Tool invocations that ended in an error."""
        return [e for e in self.tool_calls() if not e.ok]

    @property
    def final_answer(self) -> str | None:
        """Content of the last model response that requested no tools, if the last
        successful model call was such a response; otherwise None."""
        for call in reversed(self.model_calls):
            if call.response is None:
                continue
            if call.response.tool_calls:
                return None
            return call.response.content
        return None

    @property
    def total_usage(self) -> Usage:
        """Sum of the usage of every model call."""
        return sum((c.usage for c in self.model_calls), Usage())

    def cost(self, table: PriceTable | None = None) -> float:
        """Dollar cost of every model call, priced by each call's model name."""
        table = table or PriceTable()
        return sum(table.cost(c.model, c.usage) for c in self.model_calls)

    def __len__(self) -> int:
        return len(self.events)

    def summary(self) -> str:
        """A compact, human-readable listing, handy in assertion messages."""
        lines = []
        for i, e in enumerate(self.events, 1):
            if isinstance(e, ModelCall):
                if e.response is None:
                    lines.append(f"{i}. model -> error {type(e.error).__name__}: {e.error}")
                elif e.response.tool_calls:
                    names = ", ".join(tc.name for tc in e.response.tool_calls)
                    lines.append(f"{i}. model -> tool calls: {names}")
                else:
                    lines.append(f"{i}. model -> answer: {e.response.content!r}")
            else:
                outcome = f"error: {e.error}" if e.error else f"-> {e.result!r}"
                lines.append(f"{i}. tool {e.name}({e.arguments}) {outcome}")
        return "\n".join(lines) or "(empty trace)"


def snapshot_messages(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Deep-copy a message list (used when recording calls)."""
    return copy.deepcopy(list(messages))
