from agentlab import count_tokens

from solution import chunk_markdown, slugify


def test_slug_keeps_hyphens_and_underscores_and_does_not_collapse():
    assert slugify("Top-p & temperature") == "top-p--temperature", "GitHub slugs keep both hyphens around a removed '&'"
    assert slugify("  max_tokens (output)  ") == "max_tokens-output"


def test_hash_lines_in_code_blocks_are_not_headings():
    doc = "# Setup\n\nInstall:\n\n```bash\n# install dependencies\npip install agentlab\n```\n\n## Run\n\nStart it.\n"
    chunks = chunk_markdown("d", doc)
    assert [c["heading_path"] for c in chunks] == [["Setup"], ["Setup", "Run"]], (
        "'# install dependencies' inside a fenced block is a shell comment, not a heading"
    )
    assert "# install dependencies" in chunks[0]["text"], "code stays in its section"


def test_code_block_with_blank_lines_stays_whole():
    code = "```python\ndef a():\n    return 1\n\n\ndef b():\n    return 2\n```"
    doc = "# API\n\nExample:\n\n" + code + "\n"
    chunks = chunk_markdown("d", doc, max_tokens=30)
    assert any(code in c["text"] for c in chunks), "blank lines inside a code fence must not split the code block"


def test_heading_stack_pops_every_deeper_level():
    doc = "# Guide\n\nIntro.\n\n## Setup\n\n### Linux\n\nUse apt.\n\n## Usage\n\nRun it.\n\n# Appendix\n\nMore.\n"
    paths = [c["heading_path"] for c in chunk_markdown("d", doc)]
    assert paths == [["Guide"], ["Guide", "Setup", "Linux"], ["Guide", "Usage"], ["Appendix"]], (
        "a heading closes every open heading of the same or a deeper level; empty sections are skipped"
    )


def test_preamble_and_closing_hashes_and_hashtags():
    doc = "Read me first.\n\n## Notes ##\n\n#hashtag is not a heading\n"
    chunks = chunk_markdown("d", doc)
    assert chunks[0] == {"id": "d#0", "heading_path": [], "anchor": "", "text": "Read me first."}
    assert chunks[1]["heading_path"] == ["Notes"] and chunks[1]["anchor"] == "notes", "remove optional closing #s"
    assert chunks[1]["text"] == "#hashtag is not a heading"


def test_long_sections_are_packed_by_paragraph_within_the_limit():
    paragraphs = [f"Paragraph {i} explains one more detail of the rollout process." for i in range(8)]
    doc = "# Rollouts\n\n" + "\n\n".join(paragraphs) + "\n"
    chunks = chunk_markdown("d", doc, max_tokens=40)
    assert len(chunks) > 1, "a section longer than max_tokens is split"
    assert all(count_tokens(c["text"]) <= 40 for c in chunks), "every chunk stays within max_tokens"
    assert "\n\n".join(c["text"] for c in chunks) == "\n\n".join(paragraphs), "paragraphs are packed whole, in order"
    assert all(c["heading_path"] == ["Rollouts"] for c in chunks)
    assert [c["id"] for c in chunks] == [f"d#{i}" for i in range(len(chunks))]


def test_oversized_paragraph_is_split_into_word_runs():
    words = " ".join(f"word{i}" for i in range(60))
    chunks = chunk_markdown("d", "# Big\n\n" + words + "\n", max_tokens=20)
    assert all(count_tokens(c["text"]) <= 20 for c in chunks), "even a single huge paragraph must respect max_tokens"
    assert " ".join(c["text"] for c in chunks) == words, "no words lost or reordered"
