"""Score agent outputs against a golden set."""

import re
import string


def normalize(text):
    """Lower-case, punctuation to spaces, drop articles, collapse whitespace."""
    return " ".join(text.lower().split())


def score_item(item, output):
    """Return {"id", "passed", "reasons"} for one golden item."""
    reasons = []
    if output is None:
        reasons.append("missing output")
    elif item.get("expected") is not None and normalize(output) != normalize(item["expected"]):
        reasons.append(f"expected {item['expected']!r}")
    return {"id": item["id"], "passed": not reasons, "reasons": reasons}


def score_golden_set(items, outputs):
    """Aggregate item scores into a report (see the statement for the shape)."""
    raise NotImplementedError("aggregate the per-item results, overall and per tag")
