"""Rebuild a span tree from exported spans and analyse it."""


def build_tree(spans):
    """Return root nodes {"span", "children"}; orphans become roots."""
    nodes = {s["span_id"]: {"span": s, "children": []} for s in spans}
    roots = []
    for span in spans:
        if span["parent_id"] is None:
            roots.append(nodes[span["span_id"]])
        else:
            nodes[span["parent_id"]]["children"].append(nodes[span["span_id"]])
    return roots


def total_tokens(node):
    """Input plus output tokens over the node and all descendants."""
    raise NotImplementedError("sum the gen_ai.usage.* attributes over the subtree")


def self_time(node):
    """Duration not covered by the union of the direct children's intervals."""
    raise NotImplementedError("subtract the union of the children's intervals")


def render(roots):
    """Indented outline of the tree, one span per line."""
    raise NotImplementedError("walk the tree depth-first and format each span")
