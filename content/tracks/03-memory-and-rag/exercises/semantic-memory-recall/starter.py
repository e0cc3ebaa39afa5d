"""Long-term vector memory: per-user, deduplicated, thresholded recall."""

from agentlab import cosine_similarity, embed as default_embed


class SemanticMemory:
    """Stores facts as embeddings and recalls the most relevant ones for a user."""

    def __init__(self, embed=default_embed, duplicate_threshold: float = 0.9) -> None:
        self.embed = embed
        self.duplicate_threshold = duplicate_threshold
        self.records: list[dict] = []

    def __len__(self) -> int:
        return len(self.records)

    def remember(self, user_id: str, text: str) -> int:
        """Store a memory (or update a near-duplicate) and return its id."""
        # First cut: always appends.
        record = {"id": len(self.records) + 1, "user_id": user_id, "text": text, "vector": self.embed(text)}
        self.records.append(record)
        return record["id"]

    def recall(self, user_id: str, query: str, k: int = 3, min_score: float = 0.25) -> list[tuple[str, float]]:
        """Up to k (text, score) pairs of this user's most relevant memories."""
        raise NotImplementedError("score this user's memories against the query and keep the best")

    def forget_user(self, user_id: str) -> int:
        """Delete every memory of user_id and return how many were deleted."""
        raise NotImplementedError("remove the user's records")
