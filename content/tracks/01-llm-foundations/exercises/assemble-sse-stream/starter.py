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
    raise NotImplementedError("parse each payload and merge content and tool-call deltas")
