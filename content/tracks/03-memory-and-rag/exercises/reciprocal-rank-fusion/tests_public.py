from solution import hybrid_search, reciprocal_rank_fusion


def test_document_found_by_both_retrievers_wins():
    fused = reciprocal_rank_fusion([["a", "b", "c"], ["c", "a", "d"]])
    assert [doc for doc, _ in fused][:2] == ["a", "c"], "a is 1st and 2nd; c is 3rd and 1st -- both beat single-list hits"
    assert abs(dict(fused)["a"] - (1 / 61 + 1 / 62)) < 1e-12, "score is the sum of 1 / (k + rank) with 1-based ranks"


def test_hybrid_search_fuses_both_retrievers():
    keyword = lambda q, n: [("error-codes", 9.1), ("rollbacks", 4.2)]
    vector = lambda q, n: [("rollbacks", 0.83), ("canary", 0.80)]
    results = hybrid_search("how to roll back after E1234", keyword, vector, k=2)
    assert [doc for doc, _ in results] == ["rollbacks", "error-codes"], (
        "rollbacks appears in both lists and wins; raw scores are not comparable across retrievers"
    )
