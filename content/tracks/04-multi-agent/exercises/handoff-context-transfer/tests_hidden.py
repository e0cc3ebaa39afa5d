import copy

from solution import HandoffError, transfer

AGENTS = {
    "triage": {"required": [], "optional": ["summary"]},
    "billing": {"required": ["order_id"], "optional": ["reason"]},
    "support": {"required": ["product"], "optional": []},
}


def long_conversation(agent="triage", handoffs=None):
    return {
        "agent": agent,
        "handoffs": handoffs or [],
        "messages": [
            {"role": "system", "content": "sys"},
            {"role": "user", "content": "u1"},
            {"role": "assistant", "content": None,
             "tool_calls": [{"id": "call_1", "type": "function",
                             "function": {"name": "lookup_order", "arguments": "{}"}}]},
            {"role": "tool", "tool_call_id": "call_1", "content": "{\"total\": 19.99}"},
            {"role": "assistant", "content": "a1"},
            {"role": "user", "content": "u2"},
            {"role": "assistant", "content": "a2"},
            {"role": "user", "content": "u3"},
        ],
    }


def contents(messages):
    return [m["content"] for m in messages[1:]]


def test_keep_last_applies_after_filtering():
    new = transfer(long_conversation(), "billing", {"order_id": "1"}, agents=AGENTS, keep_last=3)
    assert contents(new["messages"]) == ["u2", "a2", "u3"], \
        f"filter out system/tool/tool-call messages first, then keep the last 3; got {contents(new['messages'])}"


def test_keep_last_zero_keeps_no_history():
    new = transfer(long_conversation(), "billing", {"order_id": "1"}, agents=AGENTS, keep_last=0)
    assert len(new["messages"]) == 1 and new["messages"][0]["role"] == "system", \
        "keep_last=0 must transfer only the hand-off note, no history"


def test_tool_traffic_is_not_transferred():
    new = transfer(long_conversation(), "billing", {"order_id": "1"}, agents=AGENTS, keep_last=10)
    roles = [m["role"] for m in new["messages"][1:]]
    assert "tool" not in roles and not any(m.get("tool_calls") for m in new["messages"]), \
        "tool results and assistant tool-call messages belong to the previous agent and must be dropped"
    assert contents(new["messages"]) == ["u1", "a1", "u2", "a2", "u3"]


def test_ping_pong_escalates():
    conv = long_conversation(agent="billing", handoffs=[{"from": "triage", "to": "billing"}])
    result = transfer(conv, "triage", {"summary": "not a billing issue"}, agents=AGENTS)
    assert result["agent"] == "human" and result["escalated"] is True, \
        "handing straight back to the agent that just handed over, without new information, must escalate"
    assert result["handoffs"][-1] == {"from": "billing", "to": "human"}
    assert len(result["messages"]) == len(conv["messages"]), "an escalation keeps the full message history"


def test_hand_back_with_new_information_is_allowed():
    conv = long_conversation(agent="billing", handoffs=[{"from": "triage", "to": "billing"}])
    result = transfer(conv, "triage", {"summary": "customer wants to cancel", "new_information": True},
                      agents=AGENTS)
    assert result["agent"] == "triage" and result["escalated"] is False


def test_handoff_cap_escalates_before_field_check():
    hops = [{"from": "triage", "to": "support"}, {"from": "support", "to": "triage"},
            {"from": "triage", "to": "support"}]
    conv = long_conversation(agent="support", handoffs=hops)
    result = transfer(conv, "billing", {}, agents=AGENTS, max_handoffs=3)
    assert result["escalated"] is True, "with max_handoffs already reached the conversation goes to a human"


def test_invalid_targets_raise():
    for target in ("legal", "triage"):
        try:
            transfer(long_conversation(), target, {}, agents=AGENTS)
        except HandoffError:
            continue
        raise AssertionError(f"hand-off to {target!r} from triage must raise HandoffError")


def test_empty_required_value_is_missing():
    try:
        transfer(long_conversation(), "billing", {"order_id": ""}, agents=AGENTS)
    except HandoffError:
        return
    raise AssertionError("an empty string does not satisfy a required field")


def test_inputs_not_modified():
    conv = long_conversation()
    note = {"order_id": "1", "reason": "dup", "secret": "x"}
    before_conv, before_note = copy.deepcopy(conv), copy.deepcopy(note)
    transfer(conv, "billing", note, agents=AGENTS)
    assert conv == before_conv and note == before_note, "transfer must not modify the caller's conversation or note"
