"""Heading-aware Markdown chunking with heading paths and anchors."""

import re

from agentlab import count_tokens


def slugify(heading: str) -> str:
    """GitHub-style anchor for a heading."""
    raise NotImplementedError("lower-case, drop punctuation, turn spaces into hyphens")


def chunk_markdown(doc_id: str, text: str, max_tokens: int = 200) -> list[dict]:
    """Split Markdown into chunks with heading paths, anchors and ids."""
    # First cut: one chunk per blank-line-separated paragraph, no headings, no limit.
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    return [{"id": f"{doc_id}#{i}", "heading_path": [], "anchor": "", "text": p} for i, p in enumerate(paragraphs)]
