"""Deterministic approximate token counting, usage accounting and cost.

Real tokenizers (BPE vocabularies such as OpenAI's o200k or Anthropic's) are large and
model-specific. Exercises only need a rule that behaves like one: longer text costs
more, punctuation costs something, and the same text always costs the same.

The rule used everywhere in agentlab:

* Text is split into *pieces* with the regular expression ``\\w+|[^\\w\\s]``: runs of
  letters/digits/underscore, and single punctuation or symbol characters. Whitespace
  is free.
* A word piece costs ``ceil(len(piece) / 4)`` tokens (so "cat" is 1, "tokenizer" is 3).
* A punctuation/symbol piece costs 1 token.

A chat *message* costs :data:`MESSAGE_OVERHEAD` tokens for its role and framing, plus
the tokens of its content, plus (for assistant messages with tool calls) the tokens of
each call's name and JSON-encoded arguments.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

_PIECE = re.compile(r"\w+|[^\w\s]")

#: Tokens charged per chat message for its role and framing.
MESSAGE_OVERHEAD = 4


def _piece_cost(piece: str) -> int:
    if piece[0].isalnum() or piece[0] == "_":
        return math.ceil(len(piece) / 4)
    return 1


def count_tokens(text: str | None) -> int:
    """Return the approximate token count of ``text`` (0 for ``None`` or empty).

    >>> count_tokens("Hello, world!")
    6
    """
    if not text:
        return 0
    return sum(_piece_cost(m.group(0)) for m in _PIECE.finditer(text))


def truncate_to_tokens(text: str, max_tokens: int) -> str:
    """Return the longest prefix of ``text`` that costs at most ``max_tokens`` tokens.

    The cut is made after a whole piece, so words are never split. Trailing whitespace
    after the last kept piece is dropped.
    """
    if max_tokens <= 0:
        return ""
    used = 0
    end = 0
    for m in _PIECE.finditer(text):
        cost = _piece_cost(m.group(0))
        if used + cost > max_tokens:
            break
        used += cost
        end = m.end()
    else:
        return text
    return text[:end]


def _content_text(content: Any) -> str:
    """Flatten message content (a string, None, or a list of {"type": "text"} parts)."""
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        parts = []
        for part in content:
            if isinstance(part, Mapping):
                parts.append(str(part.get("text", "")))
            else:
                parts.append(str(part))
        return " ".join(parts)
    return str(content)


def count_message_tokens(messages: Iterable[Mapping[str, Any]]) -> int:
    """Return the token cost of a list of chat messages.

    Each message costs ``MESSAGE_OVERHEAD`` + ``count_tokens(content)``; each entry of an
    assistant message's ``tool_calls`` adds the tokens of the function name and of its
    arguments string (OpenAI shape ``{"function": {"name", "arguments"}}``) or of the
    JSON-encoded ``arguments`` dict (flat shape ``{"name", "arguments"}``).
    """
    total = 0
    for message in messages:
        total += MESSAGE_OVERHEAD + count_tokens(_content_text(message.get("content")))
        for call in message.get("tool_calls") or []:
            function = call.get("function", call)
            arguments = function.get("arguments", "")
            if not isinstance(arguments, str):
                arguments = json.dumps(arguments, sort_keys=True)
            total += count_tokens(function.get("name", "")) + count_tokens(arguments)
    return total


def count_tool_schema_tokens(schemas: Iterable[Mapping[str, Any]]) -> int:
    """Return the token cost of offering these tool schemas (their JSON encoding)."""
    return sum(count_tokens(json.dumps(schema, sort_keys=True)) for schema in schemas)


@dataclass(frozen=True)
class Usage:
    """Token usage of one or more model calls. Supports ``+`` and ``sum(...)``."""

    prompt_tokens: int = 0
    completion_tokens: int = 0

    @property
    def total_tokens(self) -> int:
        """prompt_tokens + completion_tokens."""
        return self.prompt_tokens + self.completion_tokens

    def __add__(self, other: "Usage") -> "Usage":
        if not isinstance(other, Usage):
            return NotImplemented
        return Usage(
            self.prompt_tokens + other.prompt_tokens,
            self.completion_tokens + other.completion_tokens,
        )

    def __radd__(self, other: Any) -> "Usage":
        if other == 0:  # lets sum() start from its default 0
            return self
        return self.__add__(other)

    def to_dict(self) -> dict[str, int]:
        """OpenAI-style usage dict."""
        return {
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
            "total_tokens": self.total_tokens,
        }


@dataclass(frozen=True)
class Price:
    """Price of a model in US dollars per one million input and output tokens."""

    input_per_million: float
    output_per_million: float

    def cost(self, usage: Usage) -> float:
        """Dollar cost of ``usage`` at this price."""
        return (
            usage.prompt_tokens * self.input_per_million
            + usage.completion_tokens * self.output_per_million
        ) / 1_000_000


@dataclass
class PriceTable:
    """Prices by model name. The default prices are illustrative, not any vendor's list price."""

    prices: dict[str, Price] = field(
        default_factory=lambda: {
            "scripted-model": Price(1.00, 4.00),
            "small-model": Price(0.15, 0.60),
            "large-model": Price(3.00, 15.00),
        }
    )

    def price(self, model: str) -> Price:
        """Return the price of ``model``; raises ``KeyError`` naming the known models."""
        try:
            return self.prices[model]
        except KeyError:
            raise KeyError(f"no price for model '{model}'; known: {sorted(self.prices)}") from None

    def cost(self, model: str, usage: Usage) -> float:
        """Dollar cost of ``usage`` on ``model``."""
        return self.price(model).cost(usage)


def cost(usage: Usage, model: str = "scripted-model", table: PriceTable | None = None) -> float:
    """Dollar cost of ``usage`` on ``model`` using ``table`` (default: ``PriceTable()``)."""
    return (table or PriceTable()).cost(model, usage)
