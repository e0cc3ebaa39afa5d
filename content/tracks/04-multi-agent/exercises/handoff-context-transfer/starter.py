"""Hand a conversation from one agent to another, with the right context."""

import json


class HandoffError(Exception):
    """The hand-off request is invalid (unknown target, missing required fields, ...)."""


def transfer(conversation, target, note, *, agents, max_handoffs=3, keep_last=4):
    """Return the receiving agent's conversation, or an escalation to a human.

    This first cut passes everything along unchanged and never escalates.
    """
    current = conversation["agent"]
    header = {"role": "system", "content": f"Hand-off from {current}: " + json.dumps(note, sort_keys=True)}
    return {
        "agent": target,
        "escalated": False,
        "note": note,
        "messages": [header] + conversation["messages"],
        "handoffs": conversation["handoffs"] + [{"from": current, "to": target}],
    }
