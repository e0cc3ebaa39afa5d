from solution import normalize, score_golden_set, score_item

ITEMS = [
    {"id": "r1", "expected": None, "must_include": ["refund"], "tags": ["billing", "refund"]},
    {"id": "r2", "expected": "order 8812", "tags": ["billing"]},
    {"id": "g1", "expected": "hello"},
    {"id": "s1", "must_not_include": ["I cannot help"], "tags": ["support"]},
]


def test_missing_outputs_count_as_failures():
    report = score_golden_set(ITEMS, {"r1": "We will refund you.", "g1": "Hello!"})
    assert report["total"] == 4, "every golden item is in the denominator, including those without output"
    assert report["passed"] == 2 and report["accuracy"] == 0.5, f"expected 2/4 passed, got {report['passed']}/{report['total']}"
    assert report["missing"] == ["r2", "s1"]
    assert report["failures"] == ["r2", "s1"]


def test_none_output_is_missing():
    result = score_item(ITEMS[0], None)
    assert result == {"id": "r1", "passed": False, "reasons": ["missing output"]}, f"got {result}"


def test_whole_word_phrases():
    item = {"id": "x", "must_include": ["refund"]}
    assert score_item(item, "Your refund is on its way")["passed"] is True
    assert score_item(item, "You were refunded yesterday")["passed"] is False, \
        "'refund' must match as a whole word: 'refunded' does not contain the phrase"


def test_multiword_phrase_with_punctuation():
    item = {"id": "x", "must_not_include": ["I cannot help"]}
    result = score_item(item, "Sorry, I cannot   help with that.")
    assert result["passed"] is False and result["reasons"][0].startswith("forbidden phrase"), \
        "phrases are matched after normalising both sides"


def test_untagged_and_per_tag_accuracy():
    report = score_golden_set(ITEMS, {"r1": "refund issued", "r2": "Order 8812", "g1": "bye", "s1": "Sure!"})
    assert report["by_tag"]["untagged"] == {"total": 1, "passed": 0, "accuracy": 0.0}
    assert report["by_tag"]["billing"] == {"total": 2, "passed": 2, "accuracy": 1.0}
    assert report["by_tag"]["refund"]["total"] == 1
    assert report["by_tag"]["support"]["passed"] == 1


def test_empty_set_and_extra_outputs():
    report = score_golden_set([], {"zzz": "ignored"})
    assert report == {"total": 0, "passed": 0, "accuracy": 0.0, "by_tag": {}, "failures": [], "missing": []}, \
        f"an empty golden set gives an empty report with accuracy 0.0, got {report}"


def test_multiple_reasons_collected():
    item = {"id": "m", "expected": "yes", "must_include": ["order"], "must_not_include": ["no"]}
    reasons = score_item(item, "no")["reasons"]
    assert len(reasons) == 3, f"report every failed check, got {reasons}"


def test_normalize_articles_only_as_words():
    assert normalize("The theory of an anthem") == "theory of anthem", \
        "remove 'the'/'an'/'a' only as whole words"
