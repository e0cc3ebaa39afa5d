import math
from collections import Counter

from agentlab import tokenize

from solution import BM25Index


def _expected(docs, query, doc_id, k1=1.5, b=0.75):
    toks = {d: tokenize(t) for d, t in docs.items()}
    n_docs = len(docs)
    avgdl = sum(len(t) for t in toks.values()) / n_docs
    total = 0.0
    for term in dict.fromkeys(tokenize(query)):
        n = sum(1 for t in toks.values() if term in t)
        tf = Counter(toks[doc_id])[term]
        if not tf:
            continue
        idf = math.log(1 + (n_docs - n + 0.5) / (n + 0.5))
        total += idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * len(toks[doc_id]) / avgdl))
    return total


DOCS = {
    "d1": "the agent calls the search tool",
    "d2": "the agent stops when the budget is spent and the agent reports the stop reason",
    "d3": "the planner writes a plan",
    "d4": "the executor runs the plan step by step",
}


def test_scores_match_the_formula():
    index = BM25Index(DOCS)
    for query in ("agent plan", "the agent", "budget stop reason", "search tool agent"):
        for doc_id in DOCS:
            assert abs(index.score(query, doc_id) - _expected(DOCS, query, doc_id)) < 1e-9, (
                f"score({query!r}, {doc_id}) does not match BM25 with Lucene IDF"
            )


def test_common_terms_never_lower_a_score():
    index = BM25Index(DOCS)
    assert index.idf("the") > 0, "'the' is in every document, but the Lucene IDF stays positive"
    assert index.score("the plan", "d3") > index.score("plan", "d3"), "matching an extra (common) term cannot reduce the score"


def test_repeated_query_terms_count_once():
    index = BM25Index(DOCS)
    assert abs(index.score("plan plan plan", "d3") - index.score("plan", "d3")) < 1e-9, "a repeated query term counts once"


def test_length_normalisation():
    docs = {"short": "rollback guide", "long": "rollback guide with many other words about unrelated topics and more words"}
    index = BM25Index(docs)
    assert index.score("rollback", "short") > index.score("rollback", "long"), (
        "with equal term frequency, the shorter document scores higher (b controls this)"
    )
    flat = BM25Index(docs, b=0.0)
    assert abs(flat.score("rollback", "short") - flat.score("rollback", "long")) < 1e-12, "b=0 disables length normalisation"


def test_ties_sorted_by_id_and_k_respected():
    docs = {"z": "alpha beta", "y": "alpha beta", "x": "gamma"}
    results = BM25Index(docs).search("alpha", k=5)
    assert [d for d, _ in results] == ["y", "z"], "equal scores are ordered by doc_id ascending"
    assert len(BM25Index(DOCS).search("the", k=2)) == 2, "return at most k results"


def test_empty_query_and_unknown_terms():
    index = BM25Index(DOCS)
    assert index.search("") == [], "an empty query matches nothing"
    assert index.search("kubernetes") == [], "a term in no document gives no results"
    assert BM25Index({}).search("agent") == [], "an empty index returns no results"
