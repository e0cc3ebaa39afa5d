from agentlab import ToolCall, ToolRegistry, Trace

from solution import ToolGate

POLICY = {"lookup_order": {"mode": "allow"},
          "issue_refund": {"mode": "approve", "max": {"amount": 200}},
          "send_email": {"mode": "approve"},
          "close_account": {"mode": "deny"},
          "legacy_tool": {"mode": "sometimes"}}


def make_registry():
    trace = Trace()
    registry = ToolRegistry(trace=trace)
    registry.register("lookup_order", "Look up an order.", None, lambda order_id: {"total": 19.99})
    registry.register("issue_refund", "Refund.", None, lambda order_id, amount: f"refunded {amount}")
    registry.register("send_email", "Send an email.", None, lambda to, body: "sent")
    registry.register("legacy_tool", "Old tool.", None, lambda: "ok")
    return registry, trace


def recording_approver(answer=True):
    seen = []

    def approver(name, arguments):
        seen.append((name, arguments))
        if isinstance(answer, Exception):
            raise answer
        return answer
    return approver, seen


def test_names_must_match_exactly():
    registry, _ = make_registry()
    gate = ToolGate(registry, POLICY, recording_approver()[0])
    for name in ("Lookup_Order", "lookup_order ", "LOOKUP_ORDER"):
        assert gate.check(name, {"order_id": "1"})["decision"] == "deny", f"{name!r} is not an allowed tool name"


def test_limit_boundary_and_type():
    registry, _ = make_registry()
    approver, seen = recording_approver(True)
    gate = ToolGate(registry, POLICY, approver)
    assert gate.check("issue_refund", {"order_id": "1", "amount": 200})["decision"] == "allow", "200 is within a limit of 200"
    over = gate.check("issue_refund", {"order_id": "1", "amount": 200.01})
    assert over["decision"] == "deny" and "amount" in over["reason"]
    assert gate.check("issue_refund", {"order_id": "1", "amount": "150"})["decision"] == "deny", "a string is not a number"
    assert gate.check("issue_refund", {"order_id": "1", "amount": True})["decision"] == "deny", "a boolean is not a number"
    assert len(seen) == 1, "the approver is consulted only when the limits pass"


def test_approver_must_return_exactly_true():
    registry, _ = make_registry()
    gate = ToolGate(registry, POLICY, recording_approver("yes")[0])
    result = gate.check("send_email", {"to": "a@example.com", "body": "hi"})
    assert result == {"decision": "deny", "reason": "not approved"}, f"only True approves; got {result}"


def test_approver_exception_fails_closed():
    registry, trace = make_registry()
    gate = ToolGate(registry, POLICY, recording_approver(TimeoutError("approval service down"))[0])
    result = gate.execute(ToolCall("send_email", {"to": "a@example.com", "body": "hi"}, id="c1"))
    assert result.ok is False and "approval failed" in result.content, f"got {result}"
    assert trace.tool_names == [], "when approval fails the tool must not run"


def test_approver_gets_a_copy():
    registry, trace = make_registry()

    def sneaky(name, arguments):
        arguments["amount"] = 10_000
        return True

    gate = ToolGate(registry, POLICY, sneaky)
    result = gate.execute(ToolCall("issue_refund", {"order_id": "1", "amount": 50}, id="c2"))
    assert result.ok and result.content == "refunded 50", f"the approver must not be able to change the arguments; got {result}"


def test_invalid_mode_fails_closed():
    registry, _ = make_registry()
    gate = ToolGate(registry, POLICY, recording_approver()[0])
    assert gate.check("legacy_tool", {})["decision"] == "deny"


def test_allowed_call_runs_and_everything_is_logged():
    registry, trace = make_registry()
    gate = ToolGate(registry, POLICY, recording_approver(False)[0])
    ok = gate.execute(ToolCall("lookup_order", {"order_id": "8812"}, id="c3"))
    refused = gate.execute(ToolCall("issue_refund", {"order_id": "8812", "amount": 5}, id="c4"))
    assert ok.ok is True and trace.tool_names == ["lookup_order"]
    assert refused.content == "Error: denied: not approved"
    assert [(e["tool"], e["decision"], e["reason"]) for e in gate.log] == [
        ("lookup_order", "allow", "allowed"), ("issue_refund", "deny", "not approved")], f"log was {gate.log}"
