"""Regression assertions over an agentlab Trace."""

RULES = ("must_call", "must_not_call", "order", "max_calls", "args", "max_model_calls",
         "max_total_tokens", "no_failed_tools", "final_answer_contains")


def called_in_order(trace, names):
    """True if `names` is a subsequence of the tool calls in `trace`."""
    position = 0
    for tool in trace.tool_names:
        if position < len(names) and tool == names[position]:
            position += 1
    return position == len(names)


def check_trace(trace, spec):
    """Return a list of violation messages, each starting with "<rule>:"."""
    names = trace.tool_names
    violations = []

    for name in spec.get("must_call", []):
        if name not in names:
            violations.append(f"must_call: {name} was never called; calls were {names}")
    for name in spec.get("must_not_call", []):
        count = names.count(name)
        if count:
            violations.append(f"must_not_call: {name} was called {count} time(s)")
    if "order" in spec and not called_in_order(trace, spec["order"]):
        violations.append(f"order: expected {spec['order']} in this order; got {names}")
    for name, limit in spec.get("max_calls", {}).items():
        count = names.count(name)
        if count > limit:
            violations.append(f"max_calls: {name} called {count} times, limit {limit}")
    for name, expected in spec.get("args", {}).items():
        for i, call in enumerate(trace.tool_calls(name), 1):
            wrong = {k: call.arguments.get(k) for k, v in expected.items()
                     if k not in call.arguments or call.arguments[k] != v}
            if wrong:
                violations.append(f"args: call {i} of {name} has {wrong}, expected {expected}")
    if "max_model_calls" in spec and len(trace.model_calls) > spec["max_model_calls"]:
        violations.append(f"max_model_calls: {len(trace.model_calls)} model calls, limit {spec['max_model_calls']}")
    if "max_total_tokens" in spec:
        total = trace.total_usage.total_tokens
        if total > spec["max_total_tokens"]:
            violations.append(f"max_total_tokens: {total} tokens, limit {spec['max_total_tokens']}")
    if spec.get("no_failed_tools"):
        for call in trace.failed_tool_calls:
            violations.append(f"no_failed_tools: {call.name} failed: {call.error}")
    if "final_answer_contains" in spec:
        answer = trace.final_answer
        if answer is None:
            violations.append("final_answer_contains: the run has no final answer")
        else:
            for phrase in spec["final_answer_contains"]:
                if phrase.lower() not in answer.lower():
                    violations.append(f"final_answer_contains: {phrase!r} not in the final answer")
    return violations
