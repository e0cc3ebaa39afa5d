"""Rebuild a span tree from exported spans and analyse it."""

_TOKEN_KEYS = ("gen_ai.usage.input_tokens", "gen_ai.usage.output_tokens")


def _order(node):
    return (node["span"]["start"], node["span"]["span_id"])


def build_tree(spans):
    """Return root nodes {"span", "children"}; orphans become roots."""
    nodes = {}
    for span in spans:
        if span["span_id"] in nodes:
            raise ValueError(f"duplicate span_id {span['span_id']!r}")
        nodes[span["span_id"]] = {"span": span, "children": []}
    roots = []
    for node in nodes.values():
        parent_id = node["span"].get("parent_id")
        if parent_id is not None and parent_id in nodes:
            nodes[parent_id]["children"].append(node)
        else:
            roots.append(node)
    for node in nodes.values():
        node["children"].sort(key=_order)
    roots.sort(key=_order)
    return roots


def total_tokens(node):
    """Input plus output tokens over the node and all descendants."""
    attributes = node["span"].get("attributes") or {}
    own = sum(attributes.get(key, 0) for key in _TOKEN_KEYS)
    return own + sum(total_tokens(child) for child in node["children"])


def self_time(node):
    """Duration not covered by the union of the direct children's intervals."""
    start, end = node["span"]["start"], node["span"]["end"]
    intervals = sorted(
        (max(start, c["span"]["start"]), min(end, c["span"]["end"])) for c in node["children"]
    )
    covered, current_start, current_end = 0.0, None, None
    for s, e in intervals:
        if e <= s:
            continue
        if current_end is None or s > current_end:
            if current_end is not None:
                covered += current_end - current_start
            current_start, current_end = s, e
        else:
            current_end = max(current_end, e)
    if current_end is not None:
        covered += current_end - current_start
    return max(0.0, (end - start) - covered)


def render(roots):
    """Indented outline of the tree, one span per line."""
    lines = []

    def walk(node, depth):
        span = node["span"]
        lines.append(f"{'  ' * depth}{span['name']} ({span['end'] - span['start']:.3f}s)")
        for child in node["children"]:
            walk(child, depth + 1)

    for root in roots:
        walk(root, 0)
    return "\n".join(lines)
