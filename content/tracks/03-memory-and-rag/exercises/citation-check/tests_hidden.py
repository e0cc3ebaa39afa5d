from solution import check_citations, split_sentences

SOURCES = [
    {"id": "deploy#2", "title": "Rollbacks", "text": "Run the rollback job."},
    {"id": "errors#0", "title": "Error codes", "text": "E1234 means the rollback job timed out."},
    {"id": "canary#1", "title": "Canary", "text": "Canaries get 5% of traffic."},
]


def test_multi_number_markers():
    report = check_citations("Roll back with the job, which can time out [1, 2]. Canaries get 5% [3,1].", SOURCES)
    assert report["cited_ids"] == ["deploy#2", "errors#0", "canary#1"], "[1, 2] and [3,1] cite several sources each"
    assert report["grounded"] is True


def test_citation_after_the_full_stop_belongs_to_that_sentence():
    answer = "Run the rollback job. [1] E1234 means it timed out. [2]"
    assert split_sentences(answer) == ["Run the rollback job. [1]", "E1234 means it timed out. [2]"], (
        "do not split before a citation that follows the full stop"
    )
    assert check_citations(answer, SOURCES)["grounded"] is True


def test_unknown_numbers_including_zero():
    report = check_citations("Restart the pods [0]. Scale the cluster [7]. Roll back [1].", SOURCES)
    assert report["unknown_numbers"] == [0, 7], "sources are numbered from 1; [0] and [7] do not exist"
    assert report["cited_ids"] == ["deploy#2"], "[0] must not silently cite the last source"
    assert report["uncited_sentences"] == ["Restart the pods [0].", "Scale the cluster [7]."]
    assert report["grounded"] is False


def test_uncited_sentences_are_reported():
    report = check_citations("Run the rollback job [1]. It always works on the first try.", SOURCES)
    assert report["uncited_sentences"] == ["It always works on the first try."], "a claim without a citation is flagged"
    assert report["grounded"] is False


def test_markdown_links_are_not_citations():
    report = check_citations("See [1](https://example.org/runbook) for details.", SOURCES)
    assert report["cited_ids"] == [] and report["unknown_numbers"] == [], "[1](url) is a link, not a citation"
    assert report["grounded"] is False, "an answer without any citation is not grounded"


def test_duplicates_and_order():
    report = check_citations("A [2]. B [1][2]. C [2].", SOURCES)
    assert report["cited_ids"] == ["errors#0", "deploy#2"], "ids appear once, in order of first citation"


def test_empty_answer():
    assert check_citations("", SOURCES) == {"cited_ids": [], "unknown_numbers": [], "uncited_sentences": [], "grounded": False}


def test_sentence_edges():
    assert split_sentences("Version v2.0 fixed it [1]. Done") == ["Version v2.0 fixed it [1].", "Done"], (
        "a full stop inside v2.0 does not end a sentence; trailing text without punctuation is a sentence"
    )
    assert split_sentences("B [1][2]. C [2].") == ["B [1][2].", "C [2]."]
