"""Choose which conversation history fits in the model's context window."""

from agentlab import count_message_tokens


def fit_messages(system_prompt: str, history: list[dict], new_message: str,
                 context_window: int, reserve_for_output: int) -> list[dict]:
    """Return [system, *most recent history that fits, user(new_message)].

    The total, measured with count_message_tokens, plus reserve_for_output must not
    exceed context_window. Raises ValueError when even system + new message do not fit.
    """
    # A first cut that ignores the budget entirely.
    return ([{"role": "system", "content": system_prompt}]
            + list(history)
            + [{"role": "user", "content": new_message}])
