"""Reciprocal rank fusion and a hybrid search built on it."""


def reciprocal_rank_fusion(rankings: list[list[str]], k: int = 60,
                           weights: list[float] | None = None,
                           top_n: int | None = None) -> list[tuple[str, float]]:
    """Fuse ranked id lists into one (doc_id, score) list, best first."""
    raise NotImplementedError("sum weight / (k + rank) per document over all rankings")


def hybrid_search(query: str, keyword_search, vector_search, k: int = 5, candidates: int = 20) -> list[tuple[str, float]]:
    """Run both retrievers and fuse their rankings with RRF."""
    # First cut: concatenates the two result lists, trusting their raw scores.
    merged = keyword_search(query, candidates) + vector_search(query, candidates)
    merged.sort(key=lambda pair: -pair[1])
    return merged[:k]
