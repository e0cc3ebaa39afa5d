from agentlab import ToolCall, ToolRegistry, Trace

from solution import ToolGate

POLICY = {"lookup_order": {"mode": "allow"},
          "issue_refund": {"mode": "approve", "max": {"amount": 200}},
          "close_account": {"mode": "deny"}}


def make_registry():
    trace = Trace()
    registry = ToolRegistry(trace=trace)
    registry.register("lookup_order", "Look up an order.", None, lambda order_id: {"total": 19.99})
    registry.register("issue_refund", "Refund.", None, lambda order_id, amount: f"refunded {amount}")
    registry.register("close_account", "Close the account.", None, lambda: "closed")
    return registry, trace


def test_allow_deny_and_unknown():
    registry, _ = make_registry()
    gate = ToolGate(registry, POLICY, lambda name, args: True)
    assert gate.check("lookup_order", {"order_id": "1"})["decision"] == "allow"
    assert gate.check("close_account", {})["decision"] == "deny"
    unknown = gate.check("shell_exec", {"cmd": "rm -rf /"})
    assert unknown["decision"] == "deny" and "not allowed" in unknown["reason"], f"got {unknown}"
    assert len(gate.log) == 3, "every decision is logged"


def test_denied_call_never_reaches_the_tool():
    registry, trace = make_registry()
    gate = ToolGate(registry, POLICY, lambda name, args: True)
    result = gate.execute(ToolCall("close_account", {}, id="call_9"))
    assert result.ok is False and result.content.startswith("Error: denied: "), f"got {result}"
    assert result.call_id == "call_9"
    assert trace.tool_names == [], "a denied tool must not be invoked"
