"""Heading-aware Markdown chunking with heading paths and anchors."""

import re

from agentlab import count_tokens

_HEADING = re.compile(r"^(#{1,6})\s+(.+?)(?:\s+#+)?\s*$")


def slugify(heading: str) -> str:
    """GitHub-style anchor for a heading."""
    kept = "".join(ch for ch in heading.strip().lower() if ch.isalnum() or ch in " -_")
    return kept.replace(" ", "-")


def _blocks(lines: list[str]) -> list[str]:
    blocks: list[list[str]] = []
    current: list[str] = []
    in_code = False
    for line in lines:
        if line.lstrip().startswith("```"):
            in_code = not in_code
        if not line.strip() and not in_code:
            if current:
                blocks.append(current)
                current = []
            continue
        current.append(line)
    if current:
        blocks.append(current)
    return ["\n".join(block) for block in blocks]


def _word_runs(block: str, max_tokens: int) -> list[str]:
    runs: list[str] = []
    words: list[str] = []
    used = 0
    for word in block.split():
        cost = count_tokens(word)
        if words and used + cost > max_tokens:
            runs.append(" ".join(words))
            words, used = [], 0
        words.append(word)
        used += cost
    if words:
        runs.append(" ".join(words))
    return runs


def _pack(blocks: list[str], max_tokens: int) -> list[str]:
    pieces: list[str] = []
    for block in blocks:
        pieces.extend(_word_runs(block, max_tokens) if count_tokens(block) > max_tokens else [block])
    chunks: list[str] = []
    current: list[str] = []
    used = 0
    for piece in pieces:
        cost = count_tokens(piece)
        if current and used + cost > max_tokens:
            chunks.append("\n\n".join(current))
            current, used = [], 0
        current.append(piece)
        used += cost
    if current:
        chunks.append("\n\n".join(current))
    return chunks


def chunk_markdown(doc_id: str, text: str, max_tokens: int = 200) -> list[dict]:
    """Split Markdown into chunks with heading paths, anchors and ids."""
    sections: list[tuple[list[str], list[str]]] = []
    stack: list[tuple[int, str]] = []
    body: list[str] = []
    in_code = False

    def flush() -> None:
        sections.append(([title for _, title in stack], list(body)))

    for line in text.splitlines():
        if line.lstrip().startswith("```"):
            in_code = not in_code
        match = None if in_code else _HEADING.match(line)
        if match:
            flush()
            body = []
            level = len(match.group(1))
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, match.group(2).strip()))
        else:
            body.append(line)
    flush()

    chunks: list[dict] = []
    for path, lines in sections:
        section_text = "\n".join(lines).strip("\n")
        if not section_text.strip():
            continue
        anchor = slugify(path[-1]) if path else ""
        for piece in _pack(_blocks(section_text.split("\n")), max_tokens):
            chunks.append({"id": f"{doc_id}#{len(chunks)}", "heading_path": path, "anchor": anchor, "text": piece})
    return chunks
