"""Turn a raw Server-Sent Events body, received in pieces, into a complete response."""

import json
from typing import Iterable, Iterator


def iter_sse_data(reads: Iterable[str]) -> Iterator[str]:
    """Yield the data payload of each SSE event until [DONE]; raise ValueError if cut off."""
    # First cut: assumes every read holds whole lines. Real networks do not promise that.
    for read in reads:
        for line in read.splitlines():
            if line.startswith("data: "):
                payload = line[len("data: "):]
                if payload == "[DONE]":
                    return
                yield payload


def assemble_stream(reads: Iterable[str]) -> dict:
    """Combine streamed chunks into {"content", "tool_calls", "finish_reason", "usage"}."""
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
                slot = calls.setdefault(fragment["index"], {"id": None, "name": None, "arguments": ""})
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
