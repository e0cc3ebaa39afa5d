import math

from solution import BM25Index

DOCS = {
    "a": "Rollback the deployment with the rollback job",
    "b": "Canary deployment sends a small share of traffic to the new version",
    "c": "Error E1234 means the rollback job timed out",
}


def test_idf_formula():
    index = BM25Index(DOCS)
    assert abs(index.idf("rollback") - math.log(1 + (3 - 2 + 0.5) / (2 + 0.5))) < 1e-9, "use the Lucene IDF"


def test_exact_token_wins():
    results = BM25Index(DOCS).search("E1234")
    assert [doc for doc, _ in results] == ["c"], "only document c contains the error code"


def test_results_are_sorted_and_positive():
    results = BM25Index(DOCS).search("rollback job")
    assert [doc for doc, _ in results] == ["a", "c"], "a mentions rollback twice and is shorter relative to its matches"
    assert all(score > 0 for _, score in results)
