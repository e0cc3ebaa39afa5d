"""A scripted, offline chat model with an OpenAI-style interface.

:class:`ScriptedModel` replays a queue of responses you write in advance, one per call,
and records every request. It behaves like a provider client in the ways that matter
for learning: token usage per call, ``max_tokens`` truncation with
``finish_reason="length"``, an optional context-window limit, tool-call responses,
streaming deltas, and scripted failures (rate limits, transient errors).

Script entries, one per call, may be:

* ``"text"`` -- a plain assistant answer;
* a :class:`ToolCall` or a list of them -- a tool-call request (parallel calls if a list);
* a :class:`ModelResponse` -- returned as is (its usage is recomputed if left empty);
* a dict ``{"content": ..., "tool_calls": [...]}`` -- converted to a response;
* an exception instance (e.g. ``RateLimitError(retry_after=2)``) or class -- raised by that call;
* a callable ``f(messages, tools, params) -> entry`` -- computed from the request.
"""

from __future__ import annotations

import json
from collections import deque
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

from .errors import ContextWindowExceededError, ScriptExhaustedError
from .tokens import (
    Usage,
    count_message_tokens,
    count_tokens,
    count_tool_schema_tokens,
    truncate_to_tokens,
)
from .trace import ModelCall, Trace, snapshot_messages


@dataclass
class ToolCall:
    """A model's request to run tool ``name`` with ``arguments`` (a dict).

    ``id`` links the request to the ``tool`` message that answers it; ScriptedModel
    assigns ``call_1``, ``call_2``, ... when you leave it empty.
    """

    name: str
    arguments: dict[str, Any] = field(default_factory=dict)
    id: str = ""

    def to_dict(self) -> dict[str, Any]:
        """OpenAI wire shape: ``{"id", "type": "function", "function": {"name", "arguments"}}``
        where ``arguments`` is a JSON string."""
        return {
            "id": self.id,
            "type": "function",
            "function": {"name": self.name, "arguments": json.dumps(self.arguments)},
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "ToolCall":
        """Accept the OpenAI wire shape or a flat ``{"id", "name", "arguments"}`` dict.
        String arguments are JSON-decoded."""
        function = data.get("function", data)
        arguments = function.get("arguments", {})
        if isinstance(arguments, str):
            arguments = json.loads(arguments) if arguments.strip() else {}
        return cls(name=function["name"], arguments=dict(arguments), id=data.get("id", ""))


@dataclass
class ModelResponse:
    """What a model call returns.

    ``finish_reason`` is ``"stop"`` (a complete answer), ``"tool_calls"`` (the model
    wants tools run) or ``"length"`` (cut off by ``max_tokens``).
    """

    content: str | None = None
    tool_calls: list[ToolCall] = field(default_factory=list)
    usage: Usage = field(default_factory=Usage)
    finish_reason: str = "stop"
    model: str = "scripted-model"

    @property
    def has_tool_calls(self) -> bool:
        """True when the model requested at least one tool."""
        return bool(self.tool_calls)

    def to_message(self) -> dict[str, Any]:
        """The assistant message to append to the conversation for this response."""
        message: dict[str, Any] = {"role": "assistant", "content": self.content}
        if self.tool_calls:
            message["tool_calls"] = [tc.to_dict() for tc in self.tool_calls]
        return message


@dataclass
class ToolCallDelta:
    """A fragment of a streamed tool call. ``id`` and ``name`` arrive in the first
    fragment for an ``index``; later fragments carry only more ``arguments`` text."""

    index: int
    id: str | None = None
    name: str | None = None
    arguments: str = ""


@dataclass
class StreamChunk:
    """One streamed delta. The last chunk has ``finish_reason`` and ``usage`` set."""

    content: str | None = None
    tool_calls: list[ToolCallDelta] = field(default_factory=list)
    finish_reason: str | None = None
    usage: Usage | None = None

    def to_dict(self) -> dict[str, Any]:
        """OpenAI ``chat.completion.chunk``-like dict (used by :func:`to_sse`)."""
        delta: dict[str, Any] = {}
        if self.content is not None:
            delta["content"] = self.content
        if self.tool_calls:
            delta["tool_calls"] = []
            for d in self.tool_calls:
                item: dict[str, Any] = {"index": d.index, "function": {"arguments": d.arguments}}
                if d.id is not None:
                    item["id"] = d.id
                    item["type"] = "function"
                if d.name is not None:
                    item["function"]["name"] = d.name
                delta["tool_calls"].append(item)
        data: dict[str, Any] = {
            "object": "chat.completion.chunk",
            "choices": [{"index": 0, "delta": delta, "finish_reason": self.finish_reason}],
        }
        if self.usage is not None:
            data["usage"] = self.usage.to_dict()
        return data


Responder = Callable[[list, list, dict], Any]


def _normalize_tools(tools: Any) -> list[dict[str, Any]]:
    """Turn a ToolRegistry, a list of Tool objects or a list of schema dicts into schema dicts."""
    if tools is None:
        return []
    if hasattr(tools, "schemas") and callable(tools.schemas):
        return [dict(s) for s in tools.schemas()]
    result = []
    for tool in tools:
        if hasattr(tool, "schema") and callable(tool.schema):
            result.append(dict(tool.schema()))
        elif isinstance(tool, Mapping):
            # Accept the OpenAI {"type": "function", "function": {...}} wrapper too.
            result.append(dict(tool.get("function", tool)))
        else:
            raise TypeError(f"cannot use {tool!r} as a tool schema")
    return result


class ScriptedModel:
    """A fake chat model that returns queued responses in order.

    Args:
        responses: the script, one entry per call (see the module docstring).
        name: model name reported in responses and used for pricing.
        trace: a :class:`Trace` to record every call into (optional).
        context_window: if set, a call whose prompt exceeds this many tokens raises
            :class:`ContextWindowExceededError` (and still consumes no script entry).
        stream_chunk_size: characters per streamed content delta.

    Attributes:
        calls: every :class:`ModelCall` made, in order (also on the trace if given).
    """

    def __init__(
        self,
        responses: Iterable[Any] = (),
        *,
        name: str = "scripted-model",
        trace: Trace | None = None,
        context_window: int | None = None,
        stream_chunk_size: int = 8,
    ) -> None:
        self._script: deque[Any] = deque(responses)
        self.name = name
        self.trace = trace
        self.context_window = context_window
        self.stream_chunk_size = max(1, stream_chunk_size)
        self.calls: list[ModelCall] = []
        self._next_call_id = 1

    # -- script management -----------------------------------------------------
    def add(self, *responses: Any) -> None:
        """Append more entries to the script."""
        self._script.extend(responses)

    @property
    def remaining(self) -> int:
        """Number of script entries not yet used."""
        return len(self._script)

    @property
    def total_usage(self) -> Usage:
        """Sum of usage over every call made so far."""
        return sum((c.usage for c in self.calls), Usage())

    # -- calling -----------------------------------------------------------------
    def complete(
        self,
        messages: Sequence[Mapping[str, Any]],
        tools: Any = None,
        **params: Any,
    ) -> ModelResponse:
        """Answer one chat request with the next script entry.

        ``messages`` is a list of OpenAI-style message dicts; ``tools`` is a
        ToolRegistry, a list of Tool objects, or a list of schema dicts; ``params`` are
        recorded as given (``temperature``, ``top_p``, ``max_tokens``, ``response_format``
        ...). Only ``max_tokens`` changes behaviour: longer text content is truncated
        and ``finish_reason`` becomes ``"length"``.
        """
        return self._call(messages, tools, params, stream=False)

    def stream(
        self,
        messages: Sequence[Mapping[str, Any]],
        tools: Any = None,
        **params: Any,
    ) -> Iterator[StreamChunk]:
        """Like :meth:`complete`, but yield :class:`StreamChunk` deltas.

        Content arrives in pieces of ``stream_chunk_size`` characters; each tool call
        arrives as a first delta with ``id`` and ``name`` followed by argument fragments.
        The final chunk carries ``finish_reason`` and ``usage``. The call is recorded
        when the stream is created, before the first chunk is consumed.
        """
        response = self._call(messages, tools, params, stream=True)
        return self._chunks(response)

    # -- internals ---------------------------------------------------------------
    def _call(self, messages: Sequence[Mapping[str, Any]], tools: Any, params: dict, stream: bool) -> ModelResponse:
        snapshot = snapshot_messages([dict(m) for m in messages])
        schemas = _normalize_tools(tools)
        record = ModelCall(messages=snapshot, tools=schemas, params=dict(params), model=self.name, stream=stream)
        prompt_tokens = count_message_tokens(snapshot) + count_tool_schema_tokens(schemas)
        try:
            if self.context_window is not None and prompt_tokens > self.context_window:
                raise ContextWindowExceededError(prompt_tokens, self.context_window)
            if not self._script:
                raise ScriptExhaustedError(
                    f"ScriptedModel ran out of responses after {len(self.calls)} call(s); "
                    "the agent called the model more times than the test scripted -- "
                    "check that your loop stops on a final answer and respects its limits"
                )
            entry = self._script.popleft()
            if isinstance(entry, type) and issubclass(entry, BaseException):
                entry = entry()  # a scripted exception class, e.g. TransientModelError
            while callable(entry) and not isinstance(entry, (ToolCall, ModelResponse, BaseException)):
                entry = entry(snapshot, schemas, dict(params))
            if isinstance(entry, BaseException):
                raise entry
            response = self._to_response(entry)
        except BaseException as exc:
            record.error = exc
            record.usage = Usage(prompt_tokens, 0)
            self._record(record)
            raise
        max_tokens = params.get("max_tokens")
        if max_tokens is not None and response.content and count_tokens(response.content) > max_tokens:
            response.content = truncate_to_tokens(response.content, int(max_tokens))
            response.finish_reason = "length"
        if response.usage == Usage():
            completion = count_tokens(response.content) + sum(
                count_tokens(tc.name) + count_tokens(json.dumps(tc.arguments)) for tc in response.tool_calls
            )
            response.usage = Usage(prompt_tokens, completion)
        response.model = self.name
        record.response = response
        record.usage = response.usage
        self._record(record)
        return response

    def _record(self, record: ModelCall) -> None:
        self.calls.append(record)
        if self.trace is not None:
            self.trace.record_model_call(record)

    def _assign_id(self, call: ToolCall) -> ToolCall:
        if not call.id:
            call = ToolCall(call.name, dict(call.arguments), f"call_{self._next_call_id}")
            self._next_call_id += 1
        return call

    def _to_response(self, entry: Any) -> ModelResponse:
        if isinstance(entry, ModelResponse):
            calls = [self._assign_id(tc) for tc in entry.tool_calls]
            reason = entry.finish_reason
            if calls and reason == "stop":
                reason = "tool_calls"
            return ModelResponse(entry.content, calls, entry.usage, reason, self.name)
        if isinstance(entry, str):
            return ModelResponse(content=entry, finish_reason="stop")
        if isinstance(entry, ToolCall):
            return ModelResponse(tool_calls=[self._assign_id(entry)], finish_reason="tool_calls")
        if isinstance(entry, list) and all(isinstance(e, ToolCall) for e in entry) and entry:
            return ModelResponse(tool_calls=[self._assign_id(e) for e in entry], finish_reason="tool_calls")
        if isinstance(entry, Mapping):
            calls = [
                self._assign_id(tc if isinstance(tc, ToolCall) else ToolCall.from_dict(tc))
                for tc in entry.get("tool_calls") or []
            ]
            return ModelResponse(
                content=entry.get("content"),
                tool_calls=calls,
                finish_reason=entry.get("finish_reason") or ("tool_calls" if calls else "stop"),
            )
        raise TypeError(f"unsupported script entry: {entry!r}")

    def _chunks(self, response: ModelResponse) -> Iterator[StreamChunk]:
        text = response.content or ""
        size = self.stream_chunk_size
        for start in range(0, len(text), size):
            yield StreamChunk(content=text[start:start + size])
        for index, call in enumerate(response.tool_calls):
            yield StreamChunk(tool_calls=[ToolCallDelta(index, call.id, call.name, "")])
            arguments = json.dumps(call.arguments)
            for start in range(0, len(arguments), size):
                yield StreamChunk(tool_calls=[ToolCallDelta(index, arguments=arguments[start:start + size])])
        yield StreamChunk(finish_reason=response.finish_reason, usage=response.usage)


def collect_stream(chunks: Iterable[StreamChunk]) -> ModelResponse:
    """Assemble streamed deltas back into one :class:`ModelResponse`.

    Content deltas are concatenated; tool-call fragments are grouped by ``index`` and
    their argument strings concatenated, then JSON-decoded.
    """
    content_parts: list[str] = []
    calls: dict[int, dict[str, Any]] = {}
    finish_reason = "stop"
    usage = Usage()
    saw_content = False
    for chunk in chunks:
        if chunk.content is not None:
            saw_content = True
            content_parts.append(chunk.content)
        for delta in chunk.tool_calls:
            slot = calls.setdefault(delta.index, {"id": "", "name": "", "arguments": ""})
            if delta.id:
                slot["id"] = delta.id
            if delta.name:
                slot["name"] = delta.name
            slot["arguments"] += delta.arguments
        if chunk.finish_reason is not None:
            finish_reason = chunk.finish_reason
        if chunk.usage is not None:
            usage = chunk.usage
    tool_calls = [
        ToolCall(slot["name"], json.loads(slot["arguments"]) if slot["arguments"] else {}, slot["id"])
        for _, slot in sorted(calls.items())
    ]
    content = "".join(content_parts) if saw_content else None
    return ModelResponse(content, tool_calls, usage, finish_reason)


def to_sse(chunks: Iterable[StreamChunk]) -> str:
    """Render chunks as a Server-Sent Events body the way OpenAI-compatible servers do:
    one ``data: <json>`` event per chunk, each followed by a blank line, then
    ``data: [DONE]``."""
    events = [f"data: {json.dumps(chunk.to_dict())}\n\n" for chunk in chunks]
    events.append("data: [DONE]\n\n")
    return "".join(events)
