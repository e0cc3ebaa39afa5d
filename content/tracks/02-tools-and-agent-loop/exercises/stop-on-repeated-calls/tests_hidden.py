from agentlab import RateLimitError, ScriptedModel, ToolCall, ToolRegistry, Trace

from solution import run_until_done


def _registry(trace):
    registry = ToolRegistry(trace=trace)
    registry.register("search", "Search.", {"type": "object"}, lambda query, site=None: f"results for {query}")
    registry.register("open_page", "Open a page.", {"type": "object"}, lambda url: f"page {url}")
    return registry


def test_stops_on_the_third_identical_call_without_running_it():
    trace = Trace()
    model = ScriptedModel([ToolCall("search", {"query": "rrf"})] * 5, trace=trace)
    outcome = run_until_done(model, _registry(trace), "q", max_repeats=2)
    assert outcome.stop_reason == "repeated_call" and outcome.detail == "search", "the third identical call is a loop"
    assert outcome.iterations == 3
    assert len(trace.tool_calls("search")) == 2, "the repeated call must not be executed"


def test_repeats_are_counted_across_the_run():
    trace = Trace()
    a, b = ToolCall("search", {"query": "rrf"}), ToolCall("open_page", {"url": "https://example.org/rrf"})
    model = ScriptedModel([a, b, a, b, a, "never"], trace=trace)
    outcome = run_until_done(model, _registry(trace), "q", max_repeats=2)
    assert outcome.stop_reason == "repeated_call", "A, B, A, B, A is a loop even though no call repeats back-to-back"
    assert outcome.iterations == 5


def test_argument_key_order_does_not_hide_a_repeat():
    model = ScriptedModel([
        ToolCall("search", {"query": "bm25", "site": "docs"}),
        ToolCall("search", {"site": "docs", "query": "bm25"}),
        ToolCall("search", {"query": "bm25", "site": "docs"}),
        "never",
    ])
    outcome = run_until_done(model, _registry(Trace()), "q", max_repeats=2)
    assert outcome.stop_reason == "repeated_call", "the same arguments in a different key order are the same call"


def test_different_arguments_are_not_repeats():
    model = ScriptedModel([ToolCall("search", {"query": f"q{i}"}) for i in range(4)] + [ToolCall("finish", {"answer": "done"})])
    outcome = run_until_done(model, _registry(Trace()), "q", max_repeats=1)
    assert outcome.stop_reason == "finish_tool", "different arguments are progress, not a loop"


def test_max_iterations():
    model = ScriptedModel([ToolCall("search", {"query": f"q{i}"}) for i in range(10)])
    outcome = run_until_done(model, _registry(Trace()), "q", max_iterations=3)
    assert (outcome.stop_reason, outcome.iterations, len(model.calls)) == ("max_iterations", 3, 3)


def test_model_error_is_reported_not_raised():
    model = ScriptedModel([ToolCall("search", {"query": "x"}), RateLimitError("429 Too Many Requests", retry_after=30)])
    outcome = run_until_done(model, _registry(Trace()), "q")
    assert outcome.stop_reason == "model_error", "a provider failure ends the run with a clear reason"
    assert outcome.detail == "429 Too Many Requests" and outcome.iterations == 2 and outcome.answer is None


def test_finish_wins_over_other_calls_in_the_same_response():
    trace = Trace()
    model = ScriptedModel([[ToolCall("search", {"query": "x"}), ToolCall("finish", {"answer": "final"})]], trace=trace)
    outcome = run_until_done(model, _registry(trace), "q")
    assert (outcome.answer, outcome.stop_reason) == ("final", "finish_tool")
    assert trace.tool_names == [], "once finish is called, other calls in that response are not executed"
