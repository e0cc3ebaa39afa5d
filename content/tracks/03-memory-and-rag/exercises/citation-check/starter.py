"""Numbered sources for prompts and a checker for the citations in answers."""

import re


def format_sources(chunks: list[dict]) -> str:
    """Number chunks from 1 as '[n] title (id)' + newline + text, separated by blank lines."""
    return "\n\n".join(f"[{n}] {c['title']} ({c['id']})\n{c['text']}" for n, c in enumerate(chunks, start=1))


def split_sentences(answer: str) -> list[str]:
    """Sentences end at . ! ? before whitespace; citations right after the punctuation stay attached."""
    # First cut: splits after every full stop, even when a citation follows it.
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", answer) if s.strip()]


def check_citations(answer: str, sources: list[dict]) -> dict:
    """Report cited ids, unknown numbers, uncited sentences and whether the answer is grounded."""
    raise NotImplementedError("find the citation markers in each sentence and check them against sources")
