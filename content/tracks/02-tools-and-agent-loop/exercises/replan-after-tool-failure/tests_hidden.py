import json

from agentlab import ScriptedModel, ToolRegistry, Trace

from solution import run_plan


def _plan(*steps):
    return json.dumps({"steps": [{"tool": t, "arguments": a} for t, a in steps]})


def _registry(trace):
    registry = ToolRegistry(trace=trace)
    obj = {"type": "object"}

    def find_flight(route):
        if route != "OSL-LIS":
            raise LookupError(f"no flights on {route}")
        return "TP751"

    def book_hotel(city):
        if city == "Lisboa":
            raise ValueError("unknown city Lisboa; use the English name")
        return f"hotel in {city}"

    registry.register("find_flight", "Find a flight.", obj, find_flight)
    registry.register("book_flight", "Book a flight.", obj, lambda flight: f"booked {flight}", idempotent=False)
    registry.register("book_hotel", "Book a hotel.", obj, book_hotel, idempotent=False)
    return registry


def test_completed_steps_are_not_repeated_when_the_new_plan_includes_them():
    trace = Trace()
    planner = ScriptedModel([
        _plan(("find_flight", {"route": "OSL-LIS"}), ("book_flight", {"flight": "TP751"}), ("book_hotel", {"city": "Lisboa"})),
        _plan(("book_flight", {"flight": "TP751"}), ("book_hotel", {"city": "Lisbon"})),
    ])
    result = run_plan(planner, _registry(trace), "Trip")
    assert result.status == "done"
    assert len(trace.tool_calls("book_flight")) == 1, (
        "the revised plan repeats book_flight, which already succeeded; booking twice is a real-world bug"
    )
    assert [c["tool"] for c in result.completed] == ["find_flight", "book_flight", "book_hotel"], (
        "completed lists each successful step once"
    )


def test_replan_message_explains_the_failure_and_progress():
    planner = ScriptedModel([
        _plan(("find_flight", {"route": "OSL-LIS"}), ("book_hotel", {"city": "Lisboa"})),
        _plan(("book_hotel", {"city": "Lisbon"})),
    ])
    run_plan(planner, _registry(Trace()), "Trip")
    second = planner.calls[1].messages
    assert second[-2]["role"] == "assistant" and "Lisboa" in second[-2]["content"], (
        "the planner must see its previous plan as an assistant message"
    )
    feedback = second[-1]["content"]
    assert feedback.startswith("Step failed: book_hotel"), "name the failed step's tool"
    assert "use the English name" in feedback, "include the error message so the planner can fix the step"
    assert '"result": "TP751"' in feedback, "include the completed steps and their results as JSON"


def test_gives_up_after_max_replans():
    planner = ScriptedModel([_plan(("find_flight", {"route": "OSL-XXX"}))] * 5)
    result = run_plan(planner, _registry(Trace()), "Trip", max_replans=2)
    assert result.status == "failed" and result.replans == 2, "stop after max_replans revised plans"
    assert len(planner.calls) == 3, "one initial plan + two revisions = three planner calls"
    assert "no flights on OSL-XXX" in result.error, "report the last error"


def test_zero_replans_allowed():
    planner = ScriptedModel([_plan(("find_flight", {"route": "OSL-XXX"}))])
    result = run_plan(planner, _registry(Trace()), "Trip", max_replans=0)
    assert (result.status, result.replans, len(planner.calls)) == ("failed", 0, 1)


def test_unknown_tool_in_a_plan_triggers_replanning():
    trace = Trace()
    planner = ScriptedModel([_plan(("reserve_flight", {"flight": "TP751"})), _plan(("book_flight", {"flight": "TP751"}))])
    result = run_plan(planner, _registry(trace), "Trip")
    assert result.status == "done" and result.replans == 1, "an unknown tool is a ToolError like any other"
    assert "unknown tool" in planner.calls[1].messages[-1]["content"]


def test_planner_uses_temperature_zero():
    planner = ScriptedModel([_plan(("find_flight", {"route": "OSL-LIS"}))])
    run_plan(planner, _registry(Trace()), "Trip")
    assert planner.calls[0].params.get("temperature") == 0
    assert planner.calls[0].messages[1] == {"role": "user", "content": "Goal: Trip"}
