"""Screen retrieved documents for indirect prompt injection before they reach the prompt."""

import html
import re
import unicodedata

RULES = ["hidden-characters", "ignore-instructions", "role-override",
         "fake-role-marker", "delimiter-escape", "exfiltration-image"]

_IGNORE = re.compile(r"\b(?:ignore|disregard|forget)\b(?:\W+\w+){0,3}?\W+"
                     r"(?:instructions|instruction|directions|rules|guidelines)\b")
_OVERRIDE = re.compile(r"\byou are now\b|\bfrom now on,? you\b|\bnew instructions\s*:")
_ROLE_LINE = re.compile(r"^[ \t]*(?:system|assistant|developer)[ \t]*:", re.MULTILINE)
_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*https?://[^)\s]*\?[^)\s]*\)", re.IGNORECASE)


def _strip_format_chars(text):
    return "".join(c for c in text if unicodedata.category(c) != "Cf")


def screen_document(text):
    """Return the ids of the rules that fire on `text`, in RULES order."""
    visible = _strip_format_chars(text).lower()
    flat = " ".join(visible.split())
    fired = set()
    if len(visible) != len(text.lower()) or any(unicodedata.category(c) == "Cf" for c in text):
        fired.add("hidden-characters")
    if _IGNORE.search(flat):
        fired.add("ignore-instructions")
    if _OVERRIDE.search(flat):
        fired.add("role-override")
    if _ROLE_LINE.search(visible) or "<|im_start|>" in visible:
        fired.add("fake-role-marker")
    if "</document" in visible:
        fired.add("delimiter-escape")
    if _IMAGE.search(visible):
        fired.add("exfiltration-image")
    return [rule for rule in RULES if rule in fired]


def build_context(documents):
    """Wrap clean documents for the prompt and quarantine the rest."""
    blocks, included, quarantined, findings = [], [], [], {}
    for doc in documents:
        hits = screen_document(doc["text"])
        if hits:
            quarantined.append(doc["id"])
            findings[doc["id"]] = hits
            continue
        included.append(doc["id"])
        doc_id = doc["id"]
        source = doc["source"]
        blocks.append(f'<document id="{doc_id}" source="{source}" trust="untrusted">\n{doc["text"]}\n</document>')
    return {"context": "\n".join(blocks), "included": included, "quarantined": quarantined, "findings": findings}
