"""Regression assertions over an agentlab Trace."""


def called_in_order(trace, names):
    """True if `names` is a subsequence of the tool calls in `trace`."""
    return all(name in trace.tool_names for name in names)


def check_trace(trace, spec):
    """Return a list of violation messages, each starting with "<rule>:"."""
    violations = []
    for name in spec.get("must_call", []):
        if name not in trace.tool_names:
            violations.append(f"must_call: {name} was never called")
    if "order" in spec and not called_in_order(trace, spec["order"]):
        violations.append(f"order: expected {spec['order']} in this order; got {trace.tool_names}")
    return violations
