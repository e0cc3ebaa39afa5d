"""A tiny LangGraph-style executor: nodes return partial updates, edges pick the next node."""

import copy

END = "END"


class StepLimitExceeded(Exception):
    """Raised when a run would execute more than max_steps nodes."""


def _merge(state, update, reducers):
    merged = dict(state)
    for key, value in update.items():
        if key in reducers and key in merged:
            merged[key] = reducers[key](merged[key], value)
        else:
            merged[key] = value
    return merged


def run_graph(nodes, edges, start, state, *, reducers=None, max_steps=25):
    """Execute the graph from `start` until END and return (final_state, path)."""
    reducers = reducers or {}
    state = copy.deepcopy(state)
    path = []
    current = start
    if current != END and current not in nodes:
        raise ValueError(f"unknown start node {current!r}")
    while current != END:
        if len(path) >= max_steps:
            raise StepLimitExceeded(f"more than {max_steps} steps; last nodes: {path[-5:]}")
        update = nodes[current](copy.deepcopy(state))
        if update:
            state = _merge(state, update, reducers)
        path.append(current)
        if current not in edges:
            raise ValueError(f"node {current!r} has no outgoing edge")
        edge = edges[current]
        nxt = edge(state) if callable(edge) else edge
        if nxt != END and nxt not in nodes:
            raise ValueError(f"edge from {current!r} leads to unknown node {nxt!r}")
        current = nxt
    return state, path
