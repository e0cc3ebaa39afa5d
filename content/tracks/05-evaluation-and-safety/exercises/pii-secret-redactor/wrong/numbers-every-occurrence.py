"""Detect and redact emails, phone numbers and API keys with reversible placeholders."""

import re

EMAIL = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
API_KEY = r"\b(?:sk-[A-Za-z0-9_-]{20,}|AKIA[0-9A-Z]{16}|ghp_[A-Za-z0-9]{36})\b"
PHONE = r"(?<![\w.+-])\+?\(?\d[\d ().-]{7,}\d(?![\w-])"

_PATTERNS = [("API_KEY", re.compile(API_KEY)), ("EMAIL", re.compile(EMAIL)), ("PHONE", re.compile(PHONE))]
_PRIORITY = {"API_KEY": 0, "EMAIL": 1, "PHONE": 2}


def find_sensitive(text):
    candidates = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if kind == "PHONE" and not 9 <= sum(c.isdigit() for c in m.group()) <= 15:
                continue
            candidates.append((m.start(), m.end(), kind))
    candidates.sort(key=lambda s: (s[0], -(s[1] - s[0]), _PRIORITY[s[2]]))
    kept, last_end = [], 0
    for start, end, kind in candidates:
        if start >= last_end:
            kept.append((start, end, kind))
            last_end = end
    return kept


def redact(text):
    mapping, counters = {}, {}
    parts, last = [], 0
    for start, end, kind in find_sensitive(text):
        counters[kind] = counters.get(kind, 0) + 1
        placeholder = f"[{kind}_{counters[kind]}]"
        mapping[placeholder] = text[start:end]
        parts.append(text[last:start])
        parts.append(placeholder)
        last = end
    parts.append(text[last:])
    return "".join(parts), mapping


def restore(text, mapping):
    for placeholder, value in mapping.items():
        text = text.replace(placeholder, value)
    return text
