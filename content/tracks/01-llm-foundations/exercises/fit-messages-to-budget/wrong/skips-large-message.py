"""Choose which conversation history fits in the model's context window."""

from agentlab import count_message_tokens


def fit_messages(system_prompt: str, history: list[dict], new_message: str,
                 context_window: int, reserve_for_output: int) -> list[dict]:
    """Greedy packing: skips any message that does not fit and keeps trying older ones."""
    system = {"role": "system", "content": system_prompt}
    user = {"role": "user", "content": new_message}
    available = context_window - reserve_for_output - count_message_tokens([system, user])
    if available < 0:
        raise ValueError("system prompt and new message do not fit in the context window")
    kept = []
    used = 0
    for message in reversed(history):
        cost = count_message_tokens([message])
        if used + cost <= available:
            kept.insert(0, message)
            used += cost
    while kept and kept[0].get("role") != "user":
        kept.pop(0)
    return [system, *kept, user]
