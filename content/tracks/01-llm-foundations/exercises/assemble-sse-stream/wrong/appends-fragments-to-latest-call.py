"""Turn a raw Server-Sent Events body, received in pieces, into a complete response."""

import json
from typing import Iterable, Iterator


def iter_sse_data(reads: Iterable[str]) -> Iterator[str]:
    """Yield the data payload of each SSE event until [DONE]; raise ValueError if cut off."""
    buffer = ""
    data_lines: list[str] = []
    for read in reads:
        buffer += read
        while True:
            newline = buffer.find("\n")
            if newline == -1:
                break
            line = buffer[:newline]
            buffer = buffer[newline + 1:]
            if line.endswith("\r"):
                line = line[:-1]
            if line == "":
                if data_lines:
                    payload = "\n".join(data_lines)
                    data_lines = []
                    if payload == "[DONE]":
                        return
                    yield payload
                continue
            if line.startswith(":"):
                continue
            field, _, value = line.partition(":")
            if field == "data":
                data_lines.append(value[1:] if value.startswith(" ") else value)
    raise ValueError("the stream ended before data: [DONE]; the response is incomplete")


def assemble_stream(reads: Iterable[str]) -> dict:
    """Appends each fragment to the most recently started call.

    Combine streamed chunks into {"content", "tool_calls", "finish_reason", "usage"}."""
    content_parts: list[str] = []
    saw_content = False
    calls: dict[int, dict] = {}
    finish_reason = None
    usage = None
    for payload in iter_sse_data(reads):
        chunk = json.loads(payload)
        if chunk.get("usage"):
            usage = chunk["usage"]
        for choice in chunk.get("choices") or []:
            delta = choice.get("delta") or {}
            if delta.get("content") is not None:
                saw_content = True
                content_parts.append(delta["content"])
            for fragment in delta.get("tool_calls") or []:
                if fragment.get("id") or not calls:
                    calls[len(calls)] = {"id": None, "name": None, "arguments": ""}
                slot = calls[len(calls) - 1]
                if fragment.get("id"):
                    slot["id"] = fragment["id"]
                function = fragment.get("function") or {}
                if function.get("name"):
                    slot["name"] = function["name"]
                slot["arguments"] += function.get("arguments") or ""
            if choice.get("finish_reason") is not None:
                finish_reason = choice["finish_reason"]
    tool_calls = [
        {"id": slot["id"], "name": slot["name"],
         "arguments": json.loads(slot["arguments"]) if slot["arguments"] else {}}
        for _, slot in sorted(calls.items())
    ]
    return {
        "content": "".join(content_parts) if saw_content else None,
        "tool_calls": tool_calls,
        "finish_reason": finish_reason,
        "usage": usage,
    }
