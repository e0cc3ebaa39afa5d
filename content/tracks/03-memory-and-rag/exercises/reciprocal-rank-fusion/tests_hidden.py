from solution import hybrid_search, reciprocal_rank_fusion


def test_exact_scores_with_custom_k():
    fused = dict(reciprocal_rank_fusion([["x", "y"], ["y"]], k=10))
    assert abs(fused["x"] - 1 / 11) < 1e-12 and abs(fused["y"] - (1 / 12 + 1 / 11)) < 1e-12, "ranks start at 1"


def test_duplicates_within_a_list_count_once():
    fused = dict(reciprocal_rank_fusion([["a", "b", "a", "a"]]))
    assert abs(fused["a"] - 1 / 61) < 1e-12, "only the first (best) position of a repeated id counts"


def test_weights():
    fused = reciprocal_rank_fusion([["a"], ["b"]], weights=[1.0, 2.0])
    assert [d for d, _ in fused] == ["b", "a"], "a weight of 2 doubles that ranking's contribution"
    assert abs(dict(fused)["b"] - 2 / 61) < 1e-12
    try:
        reciprocal_rank_fusion([["a"], ["b"]], weights=[1.0])
    except ValueError:
        return
    raise AssertionError("a weights list of the wrong length must raise ValueError")


def test_equal_score_and_best_rank_fall_back_to_id():
    fused = reciprocal_rank_fusion([["m", "b"], ["b", "m"], ["z"], ["a"]])
    order = [d for d, _ in fused]
    assert order[:2] == ["b", "m"], "b and m tie on score and on best rank (1), so the id decides: b before m"
    assert order[2:] == ["a", "z"], "a and z tie on score and best rank, so a comes first"


def test_best_rank_breaks_score_ties_before_id():
    # With k=2: "zeta" at rank 1 in one list scores 1/3.
    # "alpha" at rank 4 in two lists scores 1/6 + 1/6 = 1/3 as well -- an exact tie on score.
    fused = reciprocal_rank_fusion([["zeta", "f1", "f2", "alpha"], ["g1", "g2", "g3", "alpha"]], k=2)
    scores = dict(fused)
    assert abs(scores["zeta"] - scores["alpha"]) < 1e-12, "the two documents tie on fused score"
    order = [d for d, _ in fused]
    assert order.index("zeta") < order.index("alpha"), (
        "on equal scores the document with the better best rank (zeta, rank 1) comes before alpha (rank 4), even though 'alpha' < 'zeta'"
    )


def test_top_n_and_empty_input():
    assert len(reciprocal_rank_fusion([["a", "b", "c"], ["d"]], top_n=2)) == 2
    assert reciprocal_rank_fusion([]) == [] and reciprocal_rank_fusion([[], []]) == []


def test_hybrid_search_passes_candidates_and_handles_an_empty_side():
    calls = []

    def keyword(query, n):
        calls.append(("keyword", query, n))
        return [("doc-7", 3.0), ("doc-2", 1.0)]

    def vector(query, n):
        calls.append(("vector", query, n))
        return []

    results = hybrid_search("E1234", keyword, vector, k=5, candidates=30)
    assert calls == [("keyword", "E1234", 30), ("vector", "E1234", 30)], "ask each retriever for `candidates` results"
    assert [d for d, _ in results] == ["doc-7", "doc-2"], "one empty retriever still yields the other's ranking"
    assert abs(results[0][1] - 1 / 61) < 1e-12, "hybrid_search returns fused RRF scores, not raw retriever scores"
