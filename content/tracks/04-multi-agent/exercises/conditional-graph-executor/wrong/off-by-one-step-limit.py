"""A tiny LangGraph-style executor: nodes return partial updates, edges pick the next node."""

import copy

END = "END"


class StepLimitExceeded(Exception):
    """Raised when a run would execute more than max_steps nodes."""


def run_graph(nodes, edges, start, state, *, reducers=None, max_steps=25):
    reducers = reducers or {}
    state = copy.deepcopy(state)
    path = []
    current = start
    for _ in range(max_steps):
        if current == END:
            return state, path
        update = nodes[current](copy.deepcopy(state)) or {}
        for key, value in update.items():
            if key in reducers and key in state:
                state[key] = reducers[key](state[key], value)
            else:
                state[key] = value
        path.append(current)
        if current not in edges:
            raise ValueError(f"node {current!r} has no outgoing edge")
        edge = edges[current]
        current = edge(state) if callable(edge) else edge
        if current != END and current not in nodes:
            raise ValueError(f"unknown node {current!r}")
    raise StepLimitExceeded(f"more than {max_steps} steps")
