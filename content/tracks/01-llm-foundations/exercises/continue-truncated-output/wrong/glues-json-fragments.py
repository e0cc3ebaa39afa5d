"""Handle responses cut off by max_tokens: continue prose, retry JSON."""

from dataclasses import dataclass

from agentlab import Usage

CONTINUE_PROMPT = "Continue exactly where you stopped. Do not repeat anything you already wrote."


@dataclass
class Completion:
    content: str
    complete: bool
    calls: int
    usage: Usage


def complete_text(model, messages: list[dict], max_tokens: int = 200, max_continuations: int = 2) -> Completion:
    """Return the full text, asking the model to continue while it is cut off."""
    response = model.complete(list(messages), max_tokens=max_tokens, temperature=0)
    parts = [response.content or ""]
    usage = response.usage
    calls = 1
    continuations = 0
    while response.finish_reason == "length" and continuations < max_continuations:
        request = list(messages) + [
            {"role": "assistant", "content": "".join(parts)},
            {"role": "user", "content": CONTINUE_PROMPT},
        ]
        response = model.complete(request, max_tokens=max_tokens, temperature=0)
        parts.append(response.content or "")
        usage = usage + response.usage
        calls += 1
        continuations += 1
    return Completion("".join(parts), response.finish_reason == "stop", calls, usage)


def complete_json(model, messages: list[dict], max_tokens: int = 200) -> Completion:
    """Return a JSON reply; if it was cut off, retry once with twice the limit."""
    json_mode = {"type": "json_object"}
    response = model.complete(list(messages), max_tokens=max_tokens, temperature=0, response_format=json_mode)
    usage = response.usage
    calls = 1
    content = response.content or ""
    if response.finish_reason == "length":
        request = list(messages) + [{"role": "assistant", "content": content},
                                    {"role": "user", "content": CONTINUE_PROMPT}]
        response = model.complete(request, max_tokens=max_tokens, temperature=0, response_format=json_mode)
        content += response.content or ""
        usage = usage + response.usage
        calls += 1
    return Completion(content, response.finish_reason == "stop", calls, usage)
