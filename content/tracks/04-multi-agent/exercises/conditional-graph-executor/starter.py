"""A tiny LangGraph-style executor: nodes return partial updates, edges pick the next node."""

END = "END"


class StepLimitExceeded(Exception):
    """Raised when a run would execute more than max_steps nodes."""


def run_graph(nodes, edges, start, state, *, reducers=None, max_steps=25):
    """Execute the graph from `start` until END and return (final_state, path).

    nodes: {name: node(state) -> dict | None}
    edges: {name: next_name_or_END | router(state) -> next_name_or_END}
    reducers: {key: merge(old, new)} for keys whose updates must be combined, not replaced.
    """
    raise NotImplementedError("run the nodes, merge their updates and follow the edges")
