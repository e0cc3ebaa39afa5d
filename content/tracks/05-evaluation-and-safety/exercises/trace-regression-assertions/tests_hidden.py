from agentlab import ScriptedModel, ToolCall, ToolRegistry, Trace, user

from solution import called_in_order, check_trace


def run_scripted(script, prompt="I was charged twice for order 8812"):
    trace = Trace()
    tools = ToolRegistry(trace=trace)
    tools.register("lookup_order", "Look up an order.", None, lambda order_id: {"total": 19.99, "charges": 2})
    tools.register("issue_refund", "Refund an amount.", None, lambda order_id, amount: "refunded")
    tools.register("search", "Search the help centre.", None, lambda q: "results")
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


def rules(violations):
    return sorted(v.split(":", 1)[0] for v in violations)


LOOKUP = ToolCall("lookup_order", {"order_id": "8812"})
REFUND = ToolCall("issue_refund", {"order_id": "8812", "amount": 19.99})
SEARCH = ToolCall("search", {"q": "refund policy"})


def test_subsequence_with_later_repeat():
    trace = run_scripted([REFUND, LOOKUP, REFUND, "done"])
    assert called_in_order(trace, ["lookup_order", "issue_refund"]) is True, \
        "lookup_order at position 2 is followed by issue_refund at position 3: that is in order"


def test_repeated_names_need_repeated_calls():
    trace = run_scripted([SEARCH, LOOKUP, "done"])
    assert called_in_order(trace, ["search", "search"]) is False, "['search', 'search'] needs two search calls"
    trace2 = run_scripted([SEARCH, LOOKUP, SEARCH, "done"])
    assert called_in_order(trace2, ["search", "search"]) is True
    assert called_in_order(trace2, []) is True


def test_unknown_rule_raises():
    trace = run_scripted(["hi"])
    try:
        check_trace(trace, {"must_cal": ["lookup_order"]})
    except ValueError:
        return
    raise AssertionError("a misspelled rule ('must_cal') must raise ValueError instead of silently passing")


def test_must_not_call_and_max_calls():
    trace = run_scripted([LOOKUP, REFUND, REFUND, "done"])
    violations = check_trace(trace, {"must_not_call": ["issue_refund", "search"], "max_calls": {"issue_refund": 1,
                                                                                                 "lookup_order": 1}})
    assert rules(violations) == ["max_calls", "must_not_call"], f"got {violations}"


def test_args_checked_on_every_call():
    trace = run_scripted([LOOKUP, REFUND, ToolCall("issue_refund", {"order_id": "8812", "amount": 39.98}), "done"])
    violations = check_trace(trace, {"args": {"issue_refund": {"amount": 19.99}}})
    assert rules(violations) == ["args"], f"the second refund has the wrong amount; got {violations}"


def test_failed_tool_and_budgets():
    trace = run_scripted([ToolCall("lookup_order", {}), LOOKUP, "ok"])
    violations = check_trace(trace, {"no_failed_tools": True, "max_model_calls": 2,
                                     "max_total_tokens": trace.total_usage.total_tokens})
    assert rules(violations) == ["max_model_calls", "no_failed_tools"], \
        f"a call with missing arguments failed and there were 3 model calls; tokens equal to the limit are fine; got {violations}"


def test_no_final_answer():
    trace = run_scripted([LOOKUP, LOOKUP, LOOKUP, LOOKUP, LOOKUP, LOOKUP, LOOKUP, LOOKUP])
    violations = check_trace(trace, {"final_answer_contains": ["refund"]})
    assert rules(violations) == ["final_answer_contains"], \
        f"a run that ended on a tool request has no final answer; got {violations}"


def test_final_answer_case_insensitive_and_per_phrase():
    trace = run_scripted([LOOKUP, "Your REFUND is on its way."])
    violations = check_trace(trace, {"final_answer_contains": ["refund", "8812", "days"]})
    assert rules(violations) == ["final_answer_contains", "final_answer_contains"], \
        f"one violation per missing phrase, matched case-insensitively; got {violations}"


def test_must_call_counts_failed_invocations():
    trace = run_scripted([ToolCall("issue_refund", {"order_id": "8812"}), "sorry"])
    assert check_trace(trace, {"must_call": ["issue_refund"]}) == [], \
        "must_call is about invocation; a failed invocation still counts"
