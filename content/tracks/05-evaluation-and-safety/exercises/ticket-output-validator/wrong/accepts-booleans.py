"""Validate a model-generated ticket and repair invalid output with specific feedback."""

import datetime
import json
import re

from agentlab import assistant, user

FIELDS = ("title", "priority", "estimate_hours", "labels", "due")
PRIORITIES = ("low", "medium", "high")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _strip_fence(text):
    text = text.strip()
    if text.startswith("```") and text.endswith("```") and len(text) >= 6:
        lines = text.split("\n")
        if len(lines) >= 2:
            return "\n".join(lines[1:-1]).strip()
    return text


def validate_ticket(raw):
    """Return (ticket, []) if valid, else (None, [every error])."""
    if not isinstance(raw, str):
        return None, ["json: output is not text"]
    try:
        data = json.loads(_strip_fence(raw))
    except json.JSONDecodeError as exc:
        return None, [f"json: not valid JSON ({exc.msg})"]
    if not isinstance(data, dict):
        return None, [f"json: expected an object, got {type(data).__name__}"]

    errors = []
    for name in data:
        if name not in FIELDS:
            errors.append(f"{name}: unexpected field")
    for name in FIELDS:
        if name not in data:
            errors.append(f"{name}: missing")

    if "title" in data:
        title = data["title"]
        if not isinstance(title, str):
            errors.append(f"title: must be a string, got {type(title).__name__}")
        else:
            stripped = title.strip()
            if not 5 <= len(stripped) <= 120:
                errors.append(f"title: must be 5-120 characters, got {len(stripped)}")
            if "<" in stripped or ">" in stripped:
                errors.append("title: must not contain '<' or '>'")
    if "priority" in data and data["priority"] not in PRIORITIES:
        errors.append(f"priority: must be one of {', '.join(PRIORITIES)}, got {data['priority']!r}")
    if "estimate_hours" in data:
        hours = data["estimate_hours"]
        if not isinstance(hours, int):
            errors.append(f"estimate_hours: must be an integer, got {type(hours).__name__}")
        elif not 1 <= hours <= 40:
            errors.append(f"estimate_hours: must be between 1 and 40, got {hours}")
    if "labels" in data:
        labels = data["labels"]
        if not isinstance(labels, list) or not all(isinstance(x, str) for x in labels):
            errors.append("labels: must be a list of strings")
        else:
            if len(labels) > 5:
                errors.append(f"labels: at most 5 labels, got {len(labels)}")
            if len(set(labels)) != len(labels):
                errors.append("labels: must not contain duplicates")
    if "due" in data:
        due = data["due"]
        if not isinstance(due, str) or not _DATE.match(due):
            errors.append(f"due: must be a date in YYYY-MM-DD form, got {due!r}")
        else:
            try:
                datetime.date.fromisoformat(due)
            except ValueError:
                errors.append(f"due: not a real date: {due!r}")

    if errors:
        return None, errors
    ticket = dict(data)
    ticket["title"] = ticket["title"].strip()
    return ticket, []


def generate_valid_ticket(model, prompt, max_attempts=3):
    """Ask the model for a ticket, feeding validation errors back until it is valid."""
    messages = [user(prompt)]
    errors = []
    for attempt in range(1, max_attempts + 1):
        reply = model.complete(messages)
        ticket, errors = validate_ticket(reply.content)
        if not errors:
            return {"ok": True, "ticket": ticket, "attempts": attempt}
        messages.append(assistant(reply.content))
        messages.append(user("Your output was invalid:\n" + "\n".join(f"- {e}" for e in errors)
                             + "\nReturn corrected JSON only."))
    return {"ok": False, "errors": errors, "attempts": max_attempts}
