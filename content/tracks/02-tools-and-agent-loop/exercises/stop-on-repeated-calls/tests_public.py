from agentlab import ScriptedModel, ToolCall, ToolRegistry, Trace

from solution import run_until_done


def _registry(trace):
    registry = ToolRegistry(trace=trace)
    registry.register("search", "Search the web.", {"type": "object", "properties": {"query": {"type": "string"}},
                                                     "required": ["query"]}, lambda query: f"results for {query}")
    return registry


def test_finish_tool_ends_the_run_with_its_answer():
    trace = Trace()
    model = ScriptedModel([ToolCall("search", {"query": "BM25"}), ToolCall("finish", {"answer": "BM25 ranks by term statistics."})], trace=trace)
    outcome = run_until_done(model, _registry(trace), "What is BM25?")
    assert (outcome.answer, outcome.stop_reason, outcome.iterations) == ("BM25 ranks by term statistics.", "finish_tool", 2)


def test_plain_answer_is_a_final_answer():
    model = ScriptedModel(["I can answer directly: 42."])
    outcome = run_until_done(model, _registry(Trace()), "q")
    assert (outcome.answer, outcome.stop_reason) == ("I can answer directly: 42.", "final_answer")


def test_finish_tool_is_offered():
    model = ScriptedModel(["ok"])
    run_until_done(model, _registry(Trace()), "q")
    assert model.calls[0].tool_names == ["search", "finish"], "offer the registry's tools plus the finish tool"
