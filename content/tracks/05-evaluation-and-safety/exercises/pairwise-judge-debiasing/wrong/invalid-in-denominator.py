"""Pairwise LLM-as-judge with position-swap debiasing."""

import json

_WINNERS = {"first", "second", "tie"}


def parse_verdict(text):
    """Return "first", "second", "tie" or None for an unparseable verdict."""
    if not isinstance(text, str):
        return None
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    winner = data.get("winner")
    if not isinstance(winner, str):
        return None
    winner = winner.strip().lower()
    return winner if winner in _WINNERS else None


def compare(judge, question, answer_a, answer_b):
    """Judge both orders; return "A", "B", "tie", "inconsistent" or "invalid"."""
    first = parse_verdict(judge(question, answer_a, answer_b))
    second = parse_verdict(judge(question, answer_b, answer_a))
    if first is None or second is None:
        return "invalid"
    v1 = {"first": "A", "second": "B", "tie": "tie"}[first]
    v2 = {"first": "B", "second": "A", "tie": "tie"}[second]
    return v1 if v1 == v2 else "inconsistent"


def win_rate(judge, cases):
    """Aggregate compare() over (question, answer_a, answer_b) cases."""
    counts = {"A": 0, "B": 0, "ties": 0, "inconsistent": 0, "invalid": 0}
    for question, a, b in cases:
        outcome = compare(judge, question, a, b)
        key = "ties" if outcome == "tie" else outcome
        counts[key] += 1
    valid = len(cases)
    half = 0.5 * (counts["ties"] + counts["inconsistent"])
    counts["win_rate_a"] = (counts["A"] + half) / valid if valid else 0.0
    return counts
