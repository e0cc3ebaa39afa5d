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
    """Return {"model", "input_tokens", "estimated_cost"} for the cheapest capable model.

    This first cut picks the model with the lowest input price and checks nothing else.
    """
    input_tokens = count_message_tokens(messages)
    best = min(models, key=lambda m: m["input_per_million"])
    return {"model": best["name"], "input_tokens": input_tokens,
            "estimated_cost": estimate_cost(best, input_tokens, max_output_tokens)}
