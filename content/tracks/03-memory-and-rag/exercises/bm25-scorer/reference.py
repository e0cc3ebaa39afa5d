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
        self.lengths = {doc_id: sum(counts.values()) for doc_id, counts in self.terms.items()}
        self.n_docs = len(self.terms)
        self.avgdl = (sum(self.lengths.values()) / self.n_docs) if self.n_docs else 0.0
        self.doc_freq: Counter = Counter()
        for counts in self.terms.values():
            self.doc_freq.update(counts.keys())

    def idf(self, term: str) -> float:
        """Inverse document frequency of term."""
        n = self.doc_freq.get(term, 0)
        return math.log(1 + (self.n_docs - n + 0.5) / (n + 0.5))

    def score(self, query: str, doc_id: str) -> float:
        """BM25 score of one document for the query."""
        counts = self.terms[doc_id]
        length_ratio = self.lengths[doc_id] / self.avgdl if self.avgdl else 0.0
        total = 0.0
        for term in dict.fromkeys(tokenize(query)):
            tf = counts.get(term, 0)
            if tf == 0:
                continue
            denominator = tf + self.k1 * (1 - self.b + self.b * length_ratio)
            total += self.idf(term) * tf * (self.k1 + 1) / denominator
        return total

    def search(self, query: str, k: int = 5) -> list[tuple[str, float]]:
        """Top k (doc_id, score) pairs with score > 0, best first, ties by doc_id."""
        scored = [(doc_id, self.score(query, doc_id)) for doc_id in self.terms]
        scored = [s for s in scored if s[1] > 0]
        scored.sort(key=lambda s: (-s[1], s[0]))
        return scored[:k]
