import operator

from solution import END, run_graph


def test_linear_graph_runs_to_end():
    nodes = {"a": lambda s: {"x": 1}, "b": lambda s: {"y": s["x"] + 1}}
    state, path = run_graph(nodes, {"a": "b", "b": END}, "a", {})
    assert path == ["a", "b"], f"expected path ['a', 'b'], got {path}"
    assert state == {"x": 1, "y": 2}, f"node updates should be merged into the state, got {state}"


def test_conditional_edge_loops_until_done():
    nodes = {"draft": lambda s: {"drafts": [f"v{len(s['drafts']) + 1}"]},
             "check": lambda s: {"ok": len(s["drafts"]) >= 2}}
    edges = {"draft": "check", "check": lambda s: END if s["ok"] else "draft"}
    state, path = run_graph(nodes, edges, "draft", {"drafts": [], "ok": False},
                            reducers={"drafts": operator.add})
    assert path == ["draft", "check", "draft", "check"], f"unexpected path {path}"
    assert state["drafts"] == ["v1", "v2"], f"the drafts reducer should append, got {state['drafts']}"
