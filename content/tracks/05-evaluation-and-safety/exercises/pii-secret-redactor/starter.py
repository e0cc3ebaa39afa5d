"""Detect and redact emails, phone numbers and API keys with reversible placeholders."""

import re

EMAIL = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
API_KEY = r"\b(?:sk-[A-Za-z0-9_-]{20,}|AKIA[0-9A-Z]{16}|ghp_[A-Za-z0-9]{36})\b"
PHONE = r"(?<![\w.+-])\+?\(?\d[\d ().-]{7,}\d(?![\w-])"


def find_sensitive(text):
    """Return non-overlapping (start, end, kind) spans sorted by start."""
    return [(m.start(), m.end(), "EMAIL") for m in re.finditer(EMAIL, text)]


def redact(text):
    """Return (redacted_text, {placeholder: original})."""
    mapping = {}
    parts = []
    last = 0
    for n, (start, end, kind) in enumerate(find_sensitive(text), 1):
        placeholder = f"[{kind}_{n}]"
        mapping[placeholder] = text[start:end]
        parts.append(text[last:start])
        parts.append(placeholder)
        last = end
    parts.append(text[last:])
    return "".join(parts), mapping


def restore(text, mapping):
    """Put the original values back in place of known placeholders."""
    raise NotImplementedError("replace each known placeholder with its original value")
