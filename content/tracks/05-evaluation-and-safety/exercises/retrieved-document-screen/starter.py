"""Screen retrieved documents for indirect prompt injection before they reach the prompt."""

import html
import re
import unicodedata

RULES = ["hidden-characters", "ignore-instructions", "role-override",
         "fake-role-marker", "delimiter-escape", "exfiltration-image"]


def screen_document(text):
    """Return the ids of the rules that fire on `text`, in RULES order."""
    findings = []
    if "ignore previous instructions" in text.lower():
        findings.append("ignore-instructions")
    return findings


def build_context(documents):
    """Wrap clean documents for the prompt and quarantine the rest."""
    raise NotImplementedError("screen each document, wrap the clean ones and report the rest")
