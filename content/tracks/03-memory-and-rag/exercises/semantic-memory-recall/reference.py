"""Long-term vector memory: per-user, deduplicated, thresholded recall."""

from agentlab import cosine_similarity, embed as default_embed


class SemanticMemory:
    """Stores facts as embeddings and recalls the most relevant ones for a user."""

    def __init__(self, embed=default_embed, duplicate_threshold: float = 0.9) -> None:
        self.embed = embed
        self.duplicate_threshold = duplicate_threshold
        self.records: list[dict] = []
        self._next_id = 1
        self._sequence = 0

    def __len__(self) -> int:
        return len(self.records)

    def _tick(self) -> int:
        self._sequence += 1
        return self._sequence

    def remember(self, user_id: str, text: str) -> int:
        """Store a memory (or update a near-duplicate) and return its id."""
        vector = self.embed(text)
        best, best_score = None, -1.0
        for record in self.records:
            if record["user_id"] != user_id:
                continue
            score = cosine_similarity(vector, record["vector"])
            if score > best_score:
                best, best_score = record, score
        if best is not None and best_score >= self.duplicate_threshold:
            best.update(text=text, vector=vector, sequence=self._tick())
            return best["id"]
        record = {"id": self._next_id, "user_id": user_id, "text": text, "vector": vector, "sequence": self._tick()}
        self._next_id += 1
        self.records.append(record)
        return record["id"]

    def recall(self, user_id: str, query: str, k: int = 3, min_score: float = 0.25) -> list[tuple[str, float]]:
        """Up to k (text, score) pairs of this user's most relevant memories."""
        q = self.embed(query)
        scored = [
            (cosine_similarity(q, record["vector"]), record["sequence"], record["text"])
            for record in self.records
            if record["user_id"] == user_id
        ]
        scored = [s for s in scored if s[0] >= min_score]
        scored.sort(key=lambda s: (-s[0], -s[1]))
        return [(text, score) for score, _, text in scored[:max(k, 0)]]

    def forget_user(self, user_id: str) -> int:
        """Delete every memory of user_id and return how many were deleted."""
        before = len(self.records)
        self.records = [r for r in self.records if r["user_id"] != user_id]
        return before - len(self.records)
