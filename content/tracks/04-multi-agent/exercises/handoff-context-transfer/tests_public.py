from solution import HandoffError, transfer

AGENTS = {
    "triage": {"required": [], "optional": []},
    "billing": {"required": ["order_id"], "optional": ["reason"]},
}


def conversation():
    return {"agent": "triage", "handoffs": [],
            "messages": [{"role": "system", "content": "You are triage."},
                         {"role": "user", "content": "I was charged twice for order 8812"}]}


def test_basic_handoff_filters_note_and_adds_header():
    new = transfer(conversation(), "billing", {"order_id": "8812", "reason": "duplicate", "dob": "1990-01-01"},
                   agents=AGENTS)
    assert new["agent"] == "billing" and new["escalated"] is False
    assert new["note"] == {"order_id": "8812", "reason": "duplicate"}, \
        f"fields the receiver does not declare (like 'dob') must be dropped, got {new['note']}"
    assert new["messages"][0] == {"role": "system",
                                  "content": 'Hand-off from triage: {"order_id": "8812", "reason": "duplicate"}'}
    assert new["messages"][1:] == [{"role": "user", "content": "I was charged twice for order 8812"}], \
        "the old system prompt must be dropped; user messages are kept"
    assert new["handoffs"] == [{"from": "triage", "to": "billing"}]


def test_missing_required_field_raises():
    try:
        transfer(conversation(), "billing", {"reason": "duplicate"}, agents=AGENTS)
    except HandoffError as exc:
        assert "order_id" in str(exc), "the error should name the missing field"
    else:
        raise AssertionError("a hand-off to billing without order_id must raise HandoffError")
