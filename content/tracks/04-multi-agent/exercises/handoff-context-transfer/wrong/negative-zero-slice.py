"""Hand a conversation from one agent to another, with the right context."""

import copy
import json


class HandoffError(Exception):
    """The hand-off request is invalid (unknown target, missing required fields, ...)."""


def _escalate(conversation, current, reason):
    return {
        "agent": "human",
        "escalated": True,
        "reason": reason,
        "messages": copy.deepcopy(conversation["messages"]),
        "handoffs": [dict(h) for h in conversation["handoffs"]] + [{"from": current, "to": "human"}],
    }


def _visible(message):
    role = message.get("role")
    if role in ("system", "tool"):
        return False
    if role == "assistant" and message.get("tool_calls"):
        return False
    return True


def transfer(conversation, target, note, *, agents, max_handoffs=3, keep_last=4):
    """Return the receiving agent's conversation, or an escalation to a human."""
    current = conversation["agent"]
    if target not in agents:
        raise HandoffError(f"unknown hand-off target {target!r}")
    if target == current:
        raise HandoffError(f"{current!r} cannot hand off to itself")

    handoffs = conversation["handoffs"]
    if len(handoffs) >= max_handoffs:
        return _escalate(conversation, current, f"hand-off limit of {max_handoffs} reached")
    if handoffs and handoffs[-1]["from"] == target and not note.get("new_information"):
        return _escalate(conversation, current, f"ping-pong: {target!r} just handed this conversation over")

    spec = agents[target]
    missing = [f for f in spec.get("required", []) if note.get(f) in (None, "")]
    if missing:
        raise HandoffError(f"hand-off to {target!r} is missing required fields: {', '.join(missing)}")

    allowed = set(spec.get("required", [])) | set(spec.get("optional", []))
    filtered = {k: copy.deepcopy(v) for k, v in note.items() if k in allowed}
    visible = [copy.deepcopy(m) for m in conversation["messages"] if _visible(m)]
    kept = visible[-keep_last:]
    header = {"role": "system", "content": f"Hand-off from {current}: " + json.dumps(filtered, sort_keys=True)}
    return {
        "agent": target,
        "escalated": False,
        "note": filtered,
        "messages": [header] + kept,
        "handoffs": [dict(h) for h in handoffs] + [{"from": current, "to": target}],
    }
