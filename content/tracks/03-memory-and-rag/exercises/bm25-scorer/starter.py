"""BM25 keyword ranking (Lucene-style IDF)."""

import math
from collections import Counter

from agentlab import tokenize


class BM25Index:
    """An in-memory BM25 index over a dict of documents."""

    def __init__(self, documents: dict[str, str], k1: float = 1.5, b: float = 0.75) -> None:
        self.k1 = k1
        self.b = b
        self.terms = {doc_id: Counter(tokenize(text)) for doc_id, text in documents.items()}

    def idf(self, term: str) -> float:
        """Inverse document frequency of term."""
        raise NotImplementedError("use the Lucene IDF formula from the statement")

    def score(self, query: str, doc_id: str) -> float:
        """BM25 score of one document for the query."""
        # First cut: plain term-frequency overlap.
        counts = self.terms[doc_id]
        return float(sum(counts[t] for t in tokenize(query)))

    def search(self, query: str, k: int = 5) -> list[tuple[str, float]]:
        """Top k (doc_id, score) pairs with score > 0, best first, ties by doc_id."""
        scored = [(doc_id, self.score(query, doc_id)) for doc_id in self.terms]
        scored = [s for s in scored if s[1] > 0]
        scored.sort(key=lambda s: (-s[1], s[0]))
        return scored[:k]
