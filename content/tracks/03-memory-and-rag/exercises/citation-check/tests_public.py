from solution import check_citations, format_sources, split_sentences

SOURCES = [
    {"id": "deploy#2", "title": "Deployment guide > Rollbacks", "text": "Run the rollback job from the release pipeline."},
    {"id": "errors#0", "title": "Error codes", "text": "E1234 means the rollback job timed out."},
]


def test_format_sources():
    assert format_sources(SOURCES) == (
        "[1] Deployment guide > Rollbacks (deploy#2)\nRun the rollback job from the release pipeline.\n\n"
        "[2] Error codes (errors#0)\nE1234 means the rollback job timed out."
    )


def test_split_sentences_simple():
    assert split_sentences("First. Second! Third?") == ["First.", "Second!", "Third?"]


def test_grounded_answer():
    report = check_citations("Run the rollback job [1]. E1234 means it timed out [2].", SOURCES)
    assert report == {"cited_ids": ["deploy#2", "errors#0"], "unknown_numbers": [],
                      "uncited_sentences": [], "grounded": True}
