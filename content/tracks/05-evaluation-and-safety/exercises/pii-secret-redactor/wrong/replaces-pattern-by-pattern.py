"""Detect and redact emails, phone numbers and API keys with reversible placeholders."""

import re

EMAIL = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
API_KEY = r"\b(?:sk-[A-Za-z0-9_-]{20,}|AKIA[0-9A-Z]{16}|ghp_[A-Za-z0-9]{36})\b"
PHONE = r"(?<![\w.+-])\+?\(?\d[\d ().-]{7,}\d(?![\w-])"

_PATTERNS = [("PHONE", re.compile(PHONE)), ("EMAIL", re.compile(EMAIL)), ("API_KEY", re.compile(API_KEY))]


def find_sensitive(text):
    spans = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if kind == "PHONE" and not 9 <= sum(c.isdigit() for c in m.group()) <= 15:
                continue
            spans.append((m.start(), m.end(), kind))
    return sorted(spans)


def redact(text):
    """Redact one kind at a time, each pattern on the output of the previous one."""
    mapping = {}
    for kind, pattern in _PATTERNS:
        seen = {}

        def replace(m, kind=kind, seen=seen):
            value = m.group()
            if kind == "PHONE" and not 9 <= sum(c.isdigit() for c in value) <= 15:
                return value
            if value not in seen:
                seen[value] = f"[{kind}_{len(seen) + 1}]"
                mapping[seen[value]] = value
            return seen[value]

        text = pattern.sub(replace, text)
    return text, mapping


def restore(text, mapping):
    for placeholder, value in mapping.items():
        text = text.replace(placeholder, value)
    return text
