from solution import normalize, score_golden_set, score_item


def test_normalize():
    assert normalize("  The Answer: Paris!") == "answer paris", \
        f"lower-case, punctuation to spaces, drop articles, collapse spaces; got {normalize('  The Answer: Paris!')!r}"


def test_expected_answer_matches_after_normalisation():
    item = {"id": "q1", "expected": "paris"}
    assert score_item(item, "Paris.")["passed"] is True, "'Paris.' should match the expected 'paris'"
    result = score_item(item, "Lyon")
    assert result["passed"] is False and result["reasons"][0].startswith("expected")


def test_report_shape():
    items = [{"id": "a", "expected": "yes", "tags": ["billing"]},
             {"id": "b", "expected": "no", "tags": ["billing"]}]
    report = score_golden_set(items, {"a": "Yes", "b": "yes"})
    assert report["total"] == 2 and report["passed"] == 1 and report["accuracy"] == 0.5
    assert report["by_tag"] == {"billing": {"total": 2, "passed": 1, "accuracy": 0.5}}
    assert report["failures"] == ["b"] and report["missing"] == []
