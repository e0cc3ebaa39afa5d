"""Turn a bug report into a validated ticket, repairing bad model output."""

import json
import re

from agentlab import validate_arguments

TICKET_SCHEMA = {
    "type": "object",
    "properties": {
        "title": {"type": "string", "minLength": 5, "maxLength": 80},
        "priority": {"type": "string", "enum": ["low", "medium", "high"]},
        "tags": {"type": "array", "items": {"type": "string"}, "maxItems": 5},
    },
    "required": ["title", "priority", "tags"],
    "additionalProperties": False,
}

SYSTEM_PROMPT = (
    "You convert bug reports into tickets. Reply with one JSON object only, with keys "
    "\"title\" (5-80 characters), \"priority\" (\"low\", \"medium\" or \"high\") and "
    "\"tags\" (up to 5 short strings). No prose, no code fences."
)


class ExtractionError(ValueError):
    """Raised when the model did not produce a valid ticket within the allowed attempts."""


def parse_json_reply(text: str) -> dict:
    """Always parses from the first '{' to the last '}', ignoring code fences."""
    text = (text or "").strip()
    start, end = text.find("{"), text.rfind("}")
    if start == -1 or end < start:
        raise ValueError("the reply contains no JSON object")
    try:
        return json.loads(text[start:end + 1])
    except json.JSONDecodeError as exc:
        raise ValueError(f"the reply is not valid JSON: {exc.msg}") from exc


def validate_ticket(data: dict) -> list[str]:
    """Return every problem with data against TICKET_SCHEMA (empty list when valid)."""
    return validate_arguments(TICKET_SCHEMA, data)


def extract_ticket(model, report: str, max_attempts: int = 3) -> dict:
    """Ask the model for a ticket, repairing invalid replies, at most max_attempts calls."""
    messages = [
        {"role": "system", "content": SYSTEM_PROMPT},
        {"role": "user", "content": report},
    ]
    problems: list[str] = []
    for _ in range(max_attempts):
        reply = model.complete(messages, temperature=0, response_format={"type": "json_object"})
        text = reply.content or ""
        try:
            data = parse_json_reply(text)
            problems = validate_ticket(data)
        except ValueError as exc:
            problems = [str(exc)]
        if not problems:
            return data
        messages.append({"role": "assistant", "content": text})
        messages.append({"role": "user", "content": "Your reply was invalid: " + "; ".join(problems)})
    raise ExtractionError("no valid ticket: " + "; ".join(problems))
