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


_FENCE = re.compile(r"```(?:json)?\s*\n?(.*?)```", re.DOTALL | re.IGNORECASE)


def parse_json_reply(text: str) -> dict:
    """Return the JSON object in a model reply; raise ValueError if there is none."""
    text = (text or "").strip()
    fenced = _FENCE.search(text)
    if fenced:
        candidate = fenced.group(1).strip()
    elif text.startswith("{"):
        candidate = text
    else:
        start, end = text.find("{"), text.rfind("}")
        if start == -1 or end < start:
            raise ValueError("the reply contains no JSON object")
        candidate = text[start:end + 1]
    try:
        data = json.loads(candidate)
    except json.JSONDecodeError as exc:
        raise ValueError(f"the reply is not valid JSON: {exc.msg} at position {exc.pos}") from exc
    if not isinstance(data, dict):
        raise ValueError(f"expected a JSON object, got {type(data).__name__}")
    return data


def validate_ticket(data: dict) -> list[str]:
    """Return every problem with data against TICKET_SCHEMA (empty list when valid)."""
    return validate_arguments(TICKET_SCHEMA, data)


def extract_ticket(model, report: str, max_attempts: int = 3) -> dict:
    """Retries with the same prompt, hoping for a better sample."""
    messages = [
        {"role": "system", "content": SYSTEM_PROMPT},
        {"role": "user", "content": report},
    ]
    problems: list[str] = []
    for _ in range(max_attempts):
        reply = model.complete(messages, temperature=0, response_format={"type": "json_object"})
        try:
            data = parse_json_reply(reply.content or "")
            problems = validate_ticket(data)
        except ValueError as exc:
            problems = [str(exc)]
        if not problems:
            return data
    raise ExtractionError(f"no valid ticket after {max_attempts} attempts: " + "; ".join(problems))
