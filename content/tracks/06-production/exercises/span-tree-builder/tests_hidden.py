from solution import build_tree, render, self_time, total_tokens


def span(span_id, parent_id, name, start, end, **attributes):
    s = {"span_id": span_id, "parent_id": parent_id, "name": name, "start": start, "end": end}
    if attributes:
        s["attributes"] = {k.replace("__", "."): v for k, v in attributes.items()}
    return s


AGENT_RUN = [
    span("t2", "a", "execute_tool weather", 0.5, 1.3),
    span("a", "r", "invoke_agent planner", 0.05, 2.0),
    span("m1", "a", "chat small-model", 0.1, 0.5, gen_ai__usage__input_tokens=500, gen_ai__usage__output_tokens=40),
    span("r", None, "POST /chat", 0.0, 2.1),
    span("t1", "a", "execute_tool weather", 0.5, 1.1),
    span("m2", "a", "chat small-model", 1.3, 1.9, gen_ai__usage__input_tokens=700, gen_ai__usage__output_tokens=90),
]


def test_children_sorted_by_start_then_id():
    root = build_tree(AGENT_RUN)[0]
    agent = root["children"][0]
    assert [c["span"]["span_id"] for c in agent["children"]] == ["m1", "t1", "t2", "m2"], \
        "children are ordered by start time; equal starts are ordered by span_id"


def test_orphans_become_roots():
    spans = AGENT_RUN + [span("x1", "missing-parent", "execute_tool search", 5.0, 5.2),
                         span("x2", "x1", "http GET", 5.05, 5.15)]
    roots = build_tree(spans)
    assert [r["span"]["span_id"] for r in roots] == ["r", "x1"], \
        "a span whose parent is not in the export must become a root, not disappear"
    assert roots[1]["children"][0]["span"]["span_id"] == "x2"


def test_duplicate_ids_rejected():
    try:
        build_tree([span("a", None, "x", 0, 1), span("a", None, "y", 0, 1)])
    except ValueError:
        return
    raise AssertionError("duplicate span ids must raise ValueError")


def test_total_tokens_over_subtree():
    root = build_tree(AGENT_RUN)[0]
    assert total_tokens(root) == 1330, f"500 + 40 + 700 + 90 = 1330, got {total_tokens(root)}"
    assert total_tokens(root["children"][0]["children"][1]) == 0, "spans without attributes contribute 0"


def test_self_time_with_parallel_children():
    agent = build_tree(AGENT_RUN)[0]["children"][0]
    # children cover [0.1, 0.5] + union([0.5, 1.1], [0.5, 1.3]) + [1.3, 1.9] = 0.4 + 0.8 + 0.6 = 1.8
    assert abs(self_time(agent) - (1.95 - 1.8)) < 1e-9, \
        f"overlapping tool calls must be counted once; expected 0.15, got {self_time(agent)}"


def test_self_time_clips_children_and_is_never_negative():
    spans = [span("p", None, "parent", 0.0, 1.0),
             span("c1", "p", "late child", 0.8, 1.6),
             span("c2", "p", "parallel child", 0.0, 0.9)]
    parent = build_tree(spans)[0]
    assert self_time(parent) == 0.0, f"children cover the whole parent; got {self_time(parent)}"
    leaf = parent["children"][0]
    assert abs(self_time(leaf) - 0.9) < 1e-9, "a leaf's self time is its whole duration"


def test_render_nested():
    text = render(build_tree(AGENT_RUN))
    lines = text.split("\n")
    assert lines[0] == "POST /chat (2.100s)"
    assert lines[1] == "  invoke_agent planner (1.950s)"
    assert lines[2] == "    chat small-model (0.400s)"
    assert len(lines) == 6
