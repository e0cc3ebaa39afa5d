import json

from agentlab import ScriptedModel, ToolRegistry, Trace

from solution import run_plan


def _plan(*steps):
    return json.dumps({"steps": [{"tool": t, "arguments": a} for t, a in steps]})


def _registry(trace, flights=None):
    flights = flights if flights is not None else {"OSL-LIS": "TP751"}
    registry = ToolRegistry(trace=trace)
    obj = {"type": "object"}

    def find_flight(route):
        if route not in flights:
            raise LookupError(f"no flights on {route}")
        return flights[route]

    registry.register("find_flight", "Find a flight on a route like OSL-LIS.", obj, find_flight)
    registry.register("book_flight", "Book a flight by number.", obj, lambda flight: f"booked {flight}", idempotent=False)
    registry.register("book_hotel", "Book a hotel in a city.", obj, lambda city: f"hotel in {city}", idempotent=False)
    return registry


def test_executes_a_plan_that_works():
    trace = Trace()
    planner = ScriptedModel([_plan(("find_flight", {"route": "OSL-LIS"}), ("book_flight", {"flight": "TP751"}))])
    result = run_plan(planner, _registry(trace), "Fly Oslo to Lisbon")
    assert result.status == "done" and result.replans == 0
    assert [c["result"] for c in result.completed] == ["TP751", "booked TP751"], "record each step's result in order"
    assert trace.tool_names == ["find_flight", "book_flight"]


def test_replans_once_after_a_failure():
    trace = Trace()
    planner = ScriptedModel([
        _plan(("find_flight", {"route": "OSL-LIX"}), ("book_hotel", {"city": "Lisbon"})),
        _plan(("find_flight", {"route": "OSL-LIS"}), ("book_hotel", {"city": "Lisbon"})),
    ])
    result = run_plan(planner, _registry(trace), "Trip to Lisbon")
    assert result.status == "done" and result.replans == 1, "one failure, one revised plan, then success"
    assert len(planner.calls) == 2, "the planner is asked twice"
