"""Pairwise LLM-as-judge with position-swap debiasing."""

import json


def parse_verdict(text):
    """Return "first", "second", "tie" or None for an unparseable verdict."""
    return json.loads(text)["winner"]


def compare(judge, question, answer_a, answer_b):
    """Judge (A, B); return "A", "B", "tie", "inconsistent" or "invalid".

    This first cut asks once, in one order only.
    """
    verdict = parse_verdict(judge(question, answer_a, answer_b))
    return {"first": "A", "second": "B", "tie": "tie"}.get(verdict, "invalid")


def win_rate(judge, cases):
    """Aggregate compare() over (question, answer_a, answer_b) cases."""
    raise NotImplementedError("count the outcomes and compute win_rate_a")
