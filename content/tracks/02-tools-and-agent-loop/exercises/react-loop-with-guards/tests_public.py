from agentlab import ScriptedModel, ToolCall, ToolRegistry, Trace

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


def test_answers_after_one_tool_call():
    trace = Trace()
    model = ScriptedModel([ToolCall("population", {"city": "Oslo"}), "Oslo has about 709,000 people."], trace=trace)
    result = run_agent(model, _registry(trace), "How many people live in Oslo?", SYSTEM)
    assert result.answer == "Oslo has about 709,000 people.", "return the content of the final model response"
    assert result.stop_reason == "final_answer" and result.iterations == 2
    assert trace.tool_names == ["population"], "the population tool should run once"


def test_tool_result_is_sent_back_with_the_call_id():
    trace = Trace()
    model = ScriptedModel([ToolCall("population", {"city": "Bergen"}), "About 291,000."], trace=trace)
    run_agent(model, _registry(trace), "Bergen?", SYSTEM)
    last = model.calls[1].messages[-1]
    assert last == {"role": "tool", "tool_call_id": "call_1", "content": "291000"}, (
        "after running a tool, append its result as a tool message with the call's id"
    )


def test_answer_without_tools():
    model = ScriptedModel(["Hello! Ask me about a city."])
    result = run_agent(model, _registry(Trace()), "hi", SYSTEM)
    assert (result.answer, result.stop_reason, result.iterations) == ("Hello! Ask me about a city.", "final_answer", 1)
