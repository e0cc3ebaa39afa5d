import operator

from solution import END, StepLimitExceeded, run_graph


def counter_graph(limit):
    nodes = {"inc": lambda s: {"n": s["n"] + 1}}
    edges = {"inc": lambda s: END if s["n"] >= limit else "inc"}
    return nodes, edges


def test_reaching_end_after_exactly_max_steps_is_allowed():
    nodes, edges = counter_graph(3)
    state, path = run_graph(nodes, edges, "inc", {"n": 0}, max_steps=3)
    assert path == ["inc", "inc", "inc"] and state["n"] == 3, \
        "a run that needs exactly max_steps nodes must finish without an error"


def test_exceeding_max_steps_raises():
    nodes, edges = counter_graph(100)
    try:
        run_graph(nodes, edges, "inc", {"n": 0}, max_steps=5)
    except StepLimitExceeded:
        pass
    else:
        raise AssertionError("a cycle that never reaches END must raise StepLimitExceeded")


def test_step_limit_counts_node_executions():
    executed = []
    nodes = {"inc": lambda s: executed.append(1) or {"n": s["n"] + 1}}
    edges = {"inc": "inc"}
    try:
        run_graph(nodes, edges, "inc", {"n": 0}, max_steps=4)
    except StepLimitExceeded:
        pass
    assert len(executed) == 4, f"with max_steps=4 exactly 4 nodes should run before the error, ran {len(executed)}"


def test_node_mutation_does_not_leak_into_state():
    def sneaky(s):
        s["items"].append("mutated")
        return {"seen": True}

    state, _ = run_graph({"sneaky": sneaky}, {"sneaky": END}, "sneaky", {"items": ["a"]})
    assert state["items"] == ["a"], "nodes get a deep copy: mutating a nested list must not change the state"
    assert state["seen"] is True


def test_caller_state_not_modified():
    initial = {"log": ["start"]}
    run_graph({"a": lambda s: {"log": ["a"]}}, {"a": END}, "a", initial, reducers={"log": operator.add})
    assert initial == {"log": ["start"]}, f"the caller's dict must not change, it became {initial}"


def test_reducer_only_for_existing_keys_and_overwrite_otherwise():
    nodes = {"a": lambda s: {"notes": ["x"], "status": "drafted"},
             "b": lambda s: {"notes": ["y"], "status": "checked"}}
    state, _ = run_graph(nodes, {"a": "b", "b": END}, "a", {"status": "new"},
                         reducers={"notes": operator.add})
    assert state["notes"] == ["x", "y"], f"first update creates the key, second is merged by the reducer; got {state['notes']}"
    assert state["status"] == "checked", "keys without a reducer are overwritten"


def test_router_sees_merged_state_and_none_update():
    seen = []

    def router(s):
        seen.append(s.get("flag"))
        return END

    nodes = {"a": lambda s: {"flag": "set"}, "b": lambda s: None}
    state, path = run_graph(nodes, {"a": "b", "b": router}, "a", {})
    assert seen == ["set"], "the router must be called with the state after the node's update"
    assert path == ["a", "b"] and state == {"flag": "set"}, "a node returning None leaves the state unchanged"


def test_unknown_route_is_an_error():
    nodes = {"a": lambda s: {}}
    try:
        run_graph(nodes, {"a": lambda s: "review"}, "a", {})
    except ValueError as exc:
        assert "review" in str(exc), "the error should name the unknown node"
    else:
        raise AssertionError("a router returning an unknown node name must raise ValueError")
