"""Score agent outputs against a golden set."""

import re
import string

_PUNCT = str.maketrans({c: " " for c in string.punctuation})
_ARTICLES = {"a", "an", "the"}


def normalize(text):
    """Lower-case, punctuation to spaces, drop articles, collapse whitespace."""
    words = text.lower().translate(_PUNCT).split()
    return " ".join(w for w in words if w not in _ARTICLES)


def _contains(output_norm, phrase):
    phrase_norm = normalize(phrase)
    if not phrase_norm:
        return True
    return phrase_norm in output_norm


def score_item(item, output):
    """Return {"id", "passed", "reasons"} for one golden item."""
    if output is None:
        return {"id": item["id"], "passed": False, "reasons": ["missing output"]}
    reasons = []
    out = normalize(output)
    expected = item.get("expected")
    if expected is not None and out != normalize(expected):
        reasons.append(f"expected {expected!r}, got {output!r}")
    for phrase in item.get("must_include", []):
        if not _contains(out, phrase):
            reasons.append(f"missing phrase {phrase!r}")
    for phrase in item.get("must_not_include", []):
        if _contains(out, phrase):
            reasons.append(f"forbidden phrase {phrase!r}")
    return {"id": item["id"], "passed": not reasons, "reasons": reasons}


def _ratio(passed, total):
    return passed / total if total else 0.0


def score_golden_set(items, outputs):
    """Aggregate item scores into a report."""
    report = {"total": 0, "passed": 0, "accuracy": 0.0, "by_tag": {}, "failures": [], "missing": []}
    for item in items:
        output = outputs.get(item["id"])
        result = score_item(item, output)
        report["total"] += 1
        if output is None:
            report["missing"].append(item["id"])
        if result["passed"]:
            report["passed"] += 1
        else:
            report["failures"].append(item["id"])
        for tag in item.get("tags") or ["untagged"]:
            bucket = report["by_tag"].setdefault(tag, {"total": 0, "passed": 0, "accuracy": 0.0})
            bucket["total"] += 1
            bucket["passed"] += int(result["passed"])
    report["accuracy"] = _ratio(report["passed"], report["total"])
    for bucket in report["by_tag"].values():
        bucket["accuracy"] = _ratio(bucket["passed"], bucket["total"])
    return report
