from solution import build_tree, render, total_tokens

SPANS = [
    {"span_id": "2", "parent_id": "1", "name": "chat small-model", "start": 0.1, "end": 0.5,
     "attributes": {"gen_ai.usage.input_tokens": 812, "gen_ai.usage.output_tokens": 64}},
    {"span_id": "1", "parent_id": None, "name": "invoke_agent support", "start": 0.0, "end": 1.0},
]


def test_builds_tree_from_unordered_spans():
    roots = build_tree(SPANS)
    assert len(roots) == 1 and roots[0]["span"]["span_id"] == "1", "span 1 has no parent: it is the root"
    assert [c["span"]["span_id"] for c in roots[0]["children"]] == ["2"]


def test_render_and_tokens():
    roots = build_tree(SPANS)
    assert render(roots) == "invoke_agent support (1.000s)\n  chat small-model (0.400s)", f"got {render(roots)!r}"
    assert total_tokens(roots[0]) == 876
