from agentlab import (ScriptedModel, ToolCall, ToolRegistry, Trace, Usage, count_message_tokens,
                      count_tool_schema_tokens)

from solution import run_agent

SYSTEM = "You answer questions about cities. Use tools for facts."


def _registry(trace):
    registry = ToolRegistry(trace=trace)
    registry.register(
        "population", "Population of a city.",
        {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]},
        lambda city: {"Oslo": 709_000, "Bergen": 291_000}.get(city, "unknown"),
    )
    return registry


def _endless(n):
    return [ToolCall("population", {"city": "Oslo"}) for _ in range(n)]


def test_stops_exactly_at_max_iterations():
    trace = Trace()
    model = ScriptedModel(_endless(10), trace=trace)
    result = run_agent(model, _registry(trace), "Keep going", SYSTEM, max_iterations=4)
    assert result.stop_reason == "max_iterations" and result.answer is None, "an unfinished run stops with max_iterations"
    assert len(model.calls) == 4 and result.iterations == 4, "max_iterations=4 means exactly four model calls"
    assert len(trace.tool_calls("population")) == 4, "the tools requested by the last allowed call are still executed"


def test_a_final_answer_on_the_last_allowed_iteration_counts():
    model = ScriptedModel(_endless(2) + ["Done."])
    result = run_agent(model, _registry(Trace()), "q", SYSTEM, max_iterations=3)
    assert (result.answer, result.stop_reason) == ("Done.", "final_answer"), "the third of three calls may answer"


def test_parallel_tool_calls_are_all_answered_in_order():
    trace = Trace()
    model = ScriptedModel([[ToolCall("population", {"city": "Oslo"}), ToolCall("population", {"city": "Bergen"})],
                           "Oslo is bigger."], trace=trace)
    run_agent(model, _registry(trace), "Which is bigger?", SYSTEM)
    sent = model.calls[1].messages
    assert [m.get("tool_call_id") for m in sent[-2:]] == ["call_1", "call_2"], (
        "every tool call in a response needs its own tool message, in order, before the next model call"
    )
    assert sent[-3]["role"] == "assistant" and len(sent[-3]["tool_calls"]) == 2


def test_tool_errors_are_fed_back_not_raised():
    trace = Trace()
    model = ScriptedModel([ToolCall("populaton", {"city": "Oslo"}), ToolCall("population", {"town": "Oslo"}),
                           "Sorry, I could not look that up."], trace=trace)
    result = run_agent(model, _registry(trace), "Oslo?", SYSTEM)
    assert result.stop_reason == "final_answer", "tool errors must go back to the model, not crash the loop"
    errors = [m["content"] for m in model.calls[2].messages if m["role"] == "tool"]
    assert all(e.startswith("Error: ") for e in errors) and len(errors) == 2, "use registry.execute so errors become messages"


def test_usage_is_summed_and_temperature_is_zero():
    model = ScriptedModel([ToolCall("population", {"city": "Oslo"}), "709,000."])
    result = run_agent(model, _registry(Trace()), "Oslo?", SYSTEM)
    assert result.usage == model.calls[0].usage + model.calls[1].usage, "usage is the sum over all model calls"
    assert all(c.params.get("temperature") == 0 for c in model.calls), "agent steps use temperature 0"
    assert model.calls[0].tool_names == ["population"], "offer the registry's tools on every call"


def test_token_budget_is_checked_before_the_call():
    registry = _registry(Trace())
    first_prompt = count_message_tokens([{"role": "system", "content": SYSTEM}, {"role": "user", "content": "Oslo?"}]) \
        + count_tool_schema_tokens(registry.schemas())
    model = ScriptedModel(_endless(5))
    first = ScriptedModel(_endless(1)).complete(
        [{"role": "system", "content": SYSTEM}, {"role": "user", "content": "Oslo?"}], tools=registry.schemas())
    budget = first.usage.total_tokens + first_prompt + 10  # room for one call, not two
    result = run_agent(model, registry, "Oslo?", SYSTEM, max_iterations=5, max_total_tokens=budget)
    assert result.stop_reason == "token_budget", "stop with token_budget when the next call would exceed the budget"
    assert len(model.calls) == 1, "the second call would exceed the budget, so it must never be made"
    assert result.usage.total_tokens <= budget, "the run must stay within the token budget"


def test_budget_too_small_for_the_first_call():
    model = ScriptedModel(["never"])
    result = run_agent(model, _registry(Trace()), "Oslo?", SYSTEM, max_total_tokens=10)
    assert (result.stop_reason, result.iterations, len(model.calls)) == ("token_budget", 0, 0), (
        "if even the first prompt exceeds the budget, make no call at all"
    )
    assert result.usage == Usage(), "no calls means zero usage"
