"""Numbered sources for prompts and a checker for the citations in answers."""

import re


_MARKER = re.compile(r"\[(\d+(?:\s*,\s*\d+)*)\](?!\()")


def format_sources(chunks: list[dict]) -> str:
    """Number chunks from 1 as '[n] title (id)' + newline + text, separated by blank lines."""
    return "\n\n".join(f"[{n}] {c['title']} ({c['id']})\n{c['text']}" for n, c in enumerate(chunks, start=1))


_SENTENCE = re.compile(
    r"\S.*?(?:[.!?](?:\s*\[\d+(?:\s*,\s*\d+)*\](?!\())*(?=\s|$)|$)",
    re.DOTALL,
)


def split_sentences(answer: str) -> list[str]:
    """Sentences end at . ! ? before whitespace; citations right after the punctuation stay attached."""
    return [m.group(0).strip() for m in _SENTENCE.finditer(answer) if m.group(0).strip()]


def _numbers(sentence: str) -> list[int]:
    numbers = []
    for match in _MARKER.finditer(sentence):
        numbers.extend(int(part) for part in match.group(1).split(","))
    return numbers


def check_citations(answer: str, sources: list[dict]) -> dict:
    """Report cited ids, unknown numbers, uncited sentences and whether the answer is grounded."""
    cited_ids: list[str] = []
    unknown: set[int] = set()
    uncited: list[str] = []
    any_citation = False
    for sentence in split_sentences(answer):
        valid_here = False
        for number in _numbers(sentence):
            any_citation = True
            if number <= len(sources):
                valid_here = True
                source_id = sources[number - 1]["id"]
                if source_id not in cited_ids:
                    cited_ids.append(source_id)
            else:
                unknown.add(number)
        if not valid_here:
            uncited.append(sentence)
    return {
        "cited_ids": cited_ids,
        "unknown_numbers": sorted(unknown),
        "uncited_sentences": uncited,
        "grounded": any_citation and not unknown and not uncited,
    }
