from solution import chunk_markdown, slugify

DOC = """# Deployment guide

How we ship the API.

## Rollouts

Deploy with a canary first.

## Rollbacks

Run the rollback job.
"""


def test_slugify():
    assert slugify("What's new in v2.0?") == "whats-new-in-v20"
    assert slugify("Rollbacks") == "rollbacks"


def test_one_chunk_per_short_section_with_paths():
    chunks = chunk_markdown("deploy", DOC)
    assert [c["heading_path"] for c in chunks] == [
        ["Deployment guide"], ["Deployment guide", "Rollouts"], ["Deployment guide", "Rollbacks"]], (
        "each chunk carries the titles of its enclosing headings"
    )
    assert [c["text"] for c in chunks] == ["How we ship the API.", "Deploy with a canary first.", "Run the rollback job."]
    assert [c["id"] for c in chunks] == ["deploy#0", "deploy#1", "deploy#2"]
    assert chunks[2]["anchor"] == "rollbacks"
