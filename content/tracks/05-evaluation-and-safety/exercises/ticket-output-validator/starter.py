"""Validate a model-generated ticket and repair invalid output with specific feedback."""

import datetime
import json
import re

from agentlab import assistant, user

FIELDS = ("title", "priority", "estimate_hours", "labels", "due")


def validate_ticket(raw):
    """Return (ticket, []) if valid, else (None, [every error])."""
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        return None, [f"json: {exc.msg}"]
    if data.get("priority") not in ("low", "medium", "high"):
        return None, [f"priority: must be one of low, medium, high, got {data.get('priority')!r}"]
    return data, []


def generate_valid_ticket(model, prompt, max_attempts=3):
    """Ask the model for a ticket, feeding validation errors back until it is valid."""
    raise NotImplementedError("call the model, validate, and retry with the errors as feedback")
