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
    """Return the JSON object in a model reply; raise ValueError if there is none."""
    return json.loads(text)


def validate_ticket(data: dict) -> list[str]:
    """Return every problem with data against TICKET_SCHEMA (empty list when valid)."""
    return validate_arguments(TICKET_SCHEMA, data)


def extract_ticket(model, report: str, max_attempts: int = 3) -> dict:
    """Ask the model for a ticket, repairing invalid replies, at most max_attempts calls."""
    raise NotImplementedError("call the model, parse and validate, and repair on failure")
