"""A tiny deterministic embedding model and vector helpers, so retrieval runs offline.

:func:`embed` is a *hashed bag of words*: each word (after :func:`tokenize`, dropping
:data:`STOP_WORDS`) is hashed with BLAKE2b into one of ``dim`` buckets with a +1/-1 sign,
counts are accumulated, and the vector is L2-normalised. Texts that share words get
similar vectors; texts with no words in common are (nearly) orthogonal. It has no
notion of synonyms -- which is exactly why lessons pair it with keyword search.
"""

from __future__ import annotations

import hashlib
import math
import re
from dataclasses import dataclass, field
from typing import Any, Sequence

_WORD = re.compile(r"[a-z0-9]+")

#: Words ignored by :func:`embed` (not by :func:`tokenize`).
STOP_WORDS = frozenset(
    "a an and are as at be by for from has have in is it its of on or that the this to was were will with".split()
)


def tokenize(text: str) -> list[str]:
    """Lower-case ``text`` and return its runs of ASCII letters and digits, in order.

    >>> tokenize("Reciprocal-Rank Fusion, 2024!")
    ['reciprocal', 'rank', 'fusion', '2024']
    """
    return _WORD.findall(text.lower())


def _normalize_word(word: str) -> str:
    # A light plural folding so "agents" and "agent" share a bucket.
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _bucket(word: str, dim: int) -> tuple[int, float]:
    digest = hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest()
    number = int.from_bytes(digest, "big")
    return number % dim, (1.0 if (number >> 63) & 1 else -1.0)


def embed(text: str, dim: int = 256) -> list[float]:
    """Return the unit-length hashed bag-of-words vector of ``text`` (all zeros if it
    has no content words)."""
    if dim <= 0:
        raise ValueError("dim must be positive")
    vector = [0.0] * dim
    for word in tokenize(text):
        if word in STOP_WORDS:
            continue
        index, sign = _bucket(_normalize_word(word), dim)
        vector[index] += sign
    norm = math.sqrt(sum(v * v for v in vector))
    return [v / norm for v in vector] if norm else vector


def cosine_similarity(a: Sequence[float], b: Sequence[float]) -> float:
    """Cosine of the angle between ``a`` and ``b``; 0.0 if either is all zeros.
    Raises ``ValueError`` when the lengths differ."""
    if len(a) != len(b):
        raise ValueError(f"vectors have different lengths: {len(a)} and {len(b)}")
    dot = sum(x * y for x, y in zip(a, b))
    na = math.sqrt(sum(x * x for x in a))
    nb = math.sqrt(sum(y * y for y in b))
    if na == 0 or nb == 0:
        return 0.0
    return dot / (na * nb)


class HashingEmbedder:
    """Object form of :func:`embed` with a fixed dimension; counts calls in ``calls``
    (useful for testing embedding caches)."""

    def __init__(self, dim: int = 256) -> None:
        self.dim = dim
        self.calls = 0

    def embed(self, text: str) -> list[float]:
        """Embed one text."""
        self.calls += 1
        return embed(text, self.dim)

    def embed_many(self, texts: Sequence[str]) -> list[list[float]]:
        """Embed several texts (one call counted per text)."""
        return [self.embed(t) for t in texts]


@dataclass
class VectorHit:
    """One search result of :class:`VectorStore`."""

    id: str
    score: float
    text: str
    metadata: dict[str, Any] = field(default_factory=dict)


class VectorStore:
    """A brute-force in-memory vector index (exact cosine search).

    Results are sorted by descending score, ties broken by insertion order, so they
    are deterministic.
    """

    def __init__(self, embedder: HashingEmbedder | None = None) -> None:
        self.embedder = embedder or HashingEmbedder()
        self._items: list[tuple[str, list[float], str, dict[str, Any]]] = []

    def add(self, id: str, text: str, metadata: dict[str, Any] | None = None) -> None:
        """Index ``text`` under ``id`` (an existing id is replaced in place)."""
        vector = self.embedder.embed(text)
        item = (id, vector, text, dict(metadata or {}))
        for i, existing in enumerate(self._items):
            if existing[0] == id:
                self._items[i] = item
                return
        self._items.append(item)

    def __len__(self) -> int:
        return len(self._items)

    def search(self, query: str, k: int = 3, min_score: float = float("-inf")) -> list[VectorHit]:
        """The ``k`` most similar items to ``query`` with score >= ``min_score``."""
        q = self.embedder.embed(query)
        scored = [
            (cosine_similarity(q, vector), order, id, text, metadata)
            for order, (id, vector, text, metadata) in enumerate(self._items)
        ]
        scored.sort(key=lambda s: (-s[0], s[1]))
        return [VectorHit(id, score, text, metadata) for score, _, id, text, metadata in scored[:k] if score >= min_score]
