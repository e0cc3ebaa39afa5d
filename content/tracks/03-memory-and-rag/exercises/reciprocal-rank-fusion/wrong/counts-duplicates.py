"""Reciprocal rank fusion and a hybrid search built on it."""


def reciprocal_rank_fusion(rankings: list[list[str]], k: int = 60,
                           weights: list[float] | None = None,
                           top_n: int | None = None) -> list[tuple[str, float]]:
    """Fuse ranked id lists into one (doc_id, score) list, best first."""
    if weights is None:
        weights = [1.0] * len(rankings)
    if len(weights) != len(rankings):
        raise ValueError(f"got {len(weights)} weights for {len(rankings)} rankings")
    scores: dict[str, float] = {}
    best_rank: dict[str, int] = {}
    for ranking, weight in zip(rankings, weights):
        seen: set[str] = set()
        for rank, doc in enumerate(ranking, start=1):
            seen.add(doc)
            scores[doc] = scores.get(doc, 0.0) + weight / (k + rank)
            best_rank[doc] = min(rank, best_rank.get(doc, rank))
    fused = sorted(scores.items(), key=lambda item: (-item[1], best_rank[item[0]], item[0]))
    return fused if top_n is None else fused[:top_n]


def hybrid_search(query: str, keyword_search, vector_search, k: int = 5, candidates: int = 20) -> list[tuple[str, float]]:
    """Run both retrievers and fuse their rankings with RRF."""
    keyword_ids = [doc for doc, _ in keyword_search(query, candidates)]
    vector_ids = [doc for doc, _ in vector_search(query, candidates)]
    return reciprocal_rank_fusion([keyword_ids, vector_ids], k=60, top_n=k)
