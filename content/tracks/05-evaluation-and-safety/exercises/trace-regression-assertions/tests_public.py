from agentlab import ScriptedModel, ToolCall, ToolRegistry, Trace, user

from solution import called_in_order, check_trace


def run_scripted(script, prompt="I was charged twice for order 8812"):
    """Run a minimal agent loop against a scripted model and return its trace."""
    trace = Trace()
    tools = ToolRegistry(trace=trace)
    tools.register("lookup_order", "Look up an order.", None, lambda order_id: {"total": 19.99, "charges": 2})
    tools.register("issue_refund", "Refund an amount.", None, lambda order_id, amount: "refunded")
    model = ScriptedModel(script, trace=trace)
    messages = [user(prompt)]
    for _ in range(8):
        response = model.complete(messages, tools=tools)
        messages.append(response.to_message())
        if not response.tool_calls:
            break
        for call in response.tool_calls:
            messages.append(tools.execute(call).to_message())
    return trace


GOOD = [ToolCall("lookup_order", {"order_id": "8812"}),
        ToolCall("issue_refund", {"order_id": "8812", "amount": 19.99}),
        "I have refunded 19.99 for order 8812."]


def test_good_run_passes():
    trace = run_scripted(GOOD)
    spec = {"must_call": ["lookup_order", "issue_refund"], "order": ["lookup_order", "issue_refund"],
            "max_calls": {"issue_refund": 1}, "final_answer_contains": ["8812"]}
    assert check_trace(trace, spec) == [], f"a correct run should have no violations:\n{trace.summary()}"


def test_reversed_order_is_reported():
    trace = run_scripted([GOOD[1], GOOD[0], "Done."])
    assert called_in_order(trace, ["lookup_order", "issue_refund"]) is False
    violations = check_trace(trace, {"order": ["lookup_order", "issue_refund"]})
    assert len(violations) == 1 and violations[0].startswith("order:"), f"expected one 'order:' violation, got {violations}"
