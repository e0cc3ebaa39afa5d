"""Choose balanced few-shot examples and lay them out as chat messages."""


def select_examples(pool: list[dict], k: int, query: str) -> list[dict]:
    """Takes an equal share per label, but returns them clustered label by label."""
    groups: dict[str, list[dict]] = {}
    for example in pool:
        if example["text"].strip().lower() == query.strip().lower():
            continue
        groups.setdefault(example["label"], []).append(example)
    per_label = max(1, -(-k // max(1, len(groups))))
    picked: list[dict] = []
    for examples in groups.values():
        picked.extend(examples[:per_label])
    return picked[:k]


def build_few_shot_messages(instructions: str, examples: list[dict], query: str) -> list[dict]:
    """Return [system, (user example, assistant label)..., user query]."""
    messages = [{"role": "system", "content": instructions}]
    for example in examples:
        messages.append({"role": "user", "content": example["text"]})
        messages.append({"role": "assistant", "content": example["label"]})
    messages.append({"role": "user", "content": query})
    return messages
