"""Choose which conversation history fits in the model's context window."""

from agentlab import count_message_tokens


def fit_messages(system_prompt: str, history: list[dict], new_message: str,
                 context_window: int, reserve_for_output: int) -> list[dict]:
    """Keeps the most recent suffix that fits, but may start it with an assistant turn."""
    system = {"role": "system", "content": system_prompt}
    user = {"role": "user", "content": new_message}
    available = context_window - reserve_for_output - count_message_tokens([system, user])
    if available < 0:
        raise ValueError("system prompt and new message do not fit in the context window")
    start = len(history)
    used = 0
    while start > 0:
        cost = count_message_tokens([history[start - 1]])
        if used + cost > available:
            break
        used += cost
        start -= 1
    return [system, *history[start:], user]
