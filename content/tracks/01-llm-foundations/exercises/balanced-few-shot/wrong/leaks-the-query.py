"""Choose balanced few-shot examples and lay them out as chat messages."""


def select_examples(pool: list[dict], k: int, query: str) -> list[dict]:
    """Round-robin across labels, but keeps an example identical to the query."""
    groups: dict[str, list[dict]] = {}
    for example in pool:
        if example["text"] == query:
            continue
        groups.setdefault(example["label"], []).append(example)
    picked: list[dict] = []
    round_index = 0
    while len(picked) < k:
        added = False
        for examples in groups.values():
            if round_index < len(examples) and len(picked) < k:
                picked.append(examples[round_index])
                added = True
        if not added:
            break
        round_index += 1
    return picked


def build_few_shot_messages(instructions: str, examples: list[dict], query: str) -> list[dict]:
    """Return [system, (user example, assistant label)..., user query]."""
    messages = [{"role": "system", "content": instructions}]
    for example in examples:
        messages.append({"role": "user", "content": example["text"]})
        messages.append({"role": "assistant", "content": example["label"]})
    messages.append({"role": "user", "content": query})
    return messages
