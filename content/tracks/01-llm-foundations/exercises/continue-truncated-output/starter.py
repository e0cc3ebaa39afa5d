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
    # First cut: a single call, whatever its finish reason.
    response = model.complete(messages, max_tokens=max_tokens, temperature=0)
    return Completion(response.content or "", response.finish_reason == "stop", 1, response.usage)


def complete_json(model, messages: list[dict], max_tokens: int = 200) -> Completion:
    """Return a JSON reply; if it was cut off, retry once with twice the limit."""
    raise NotImplementedError("call in JSON mode and retry with a larger limit on 'length'")
