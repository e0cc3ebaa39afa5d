"""Route each request to the cheapest capable model."""

from agentlab import count_message_tokens


class NoCapableModel(Exception):
    """No model meets the quality and context-window requirements."""


class OverBudget(Exception):
    """The cheapest capable model costs more than the budget allows."""


def estimate_cost(model, input_tokens, output_tokens):
    """Dollar cost of one call with the given token counts."""
    return (input_tokens * model["input_per_million"] + output_tokens * model["output_per_million"]) / 1_000_000


def choose_model(models, messages, *, max_output_tokens, min_quality=0, budget=None):
    """Return {"model", "input_tokens", "estimated_cost"} for the cheapest capable model."""
    input_tokens = count_message_tokens(messages)
    capable = [m for m in models
               if m["quality"] >= min_quality and input_tokens + max_output_tokens <= m["context_window"]]
    if not capable:
        raise NoCapableModel(f"no model has quality >= {min_quality} and room for "
                             f"{input_tokens} + {max_output_tokens} tokens")
    # Output length is unknown before the call, so rank on what we know: the prompt.
    priced = sorted(((estimate_cost(m, input_tokens, 0), -m["quality"], m["name"]) for m in capable))
    cost, _, name = priced[0]
    if budget is not None and cost > budget:
        raise OverBudget(f"cheapest capable model {name} would cost ${cost:.6f}, budget is ${budget:.6f}")
    return {"model": name, "input_tokens": input_tokens, "estimated_cost": cost}
