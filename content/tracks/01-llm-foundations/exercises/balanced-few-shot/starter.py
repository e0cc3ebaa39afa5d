"""Choose balanced few-shot examples and lay them out as chat messages."""


def select_examples(pool: list[dict], k: int, query: str) -> list[dict]:
    """Pick up to k examples round-robin across labels, leaving out the query itself."""
    # First cut: the first k examples, whatever their labels.
    return pool[:k]


def build_few_shot_messages(instructions: str, examples: list[dict], query: str) -> list[dict]:
    """Return [system, (user example, assistant label)..., user query]."""
    raise NotImplementedError("turn each example into a user/assistant pair")
