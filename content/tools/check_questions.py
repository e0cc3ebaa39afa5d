#!/usr/bin/env python3
"""Author tool: verify the curriculum retrieval question set.

Checks content/eval/curriculum-questions.yaml (or the file given with --file)
against the lessons under content/tracks/*/lessons/:

  * the file is a list of entries with exactly the keys id, question, relevant;
  * ids match q-NNN and are unique; questions are non-empty and unique;
  * relevant is a list of 1-3 distinct "<lesson-id>#<anchor>" strings;
  * every lesson id exists;
  * every anchor exists in that lesson -- anchors are computed like the server's
    MarkdownRenderer: GitHub-style slug of the heading text (NFKC, lower case,
    characters other than letters, digits, marks, space, '-' and '_' removed,
    each space turned into '-'), a repeated slug in one lesson gets -1, -2, ...,
    and lines inside fenced code blocks and the YAML front matter are not headings;
  * at least MIN_QUESTIONS entries, and every track has at least one question
    (a question counts for the track of its first, best relevant section).

The question file is kept in a JSON-compatible subset of YAML so that it can be
parsed here without a YAML library (standard library only):

    # comment lines start with '#'
    - id: "q-001"
      question: "How do I ...?"
      relevant: ["lesson-id#anchor", "other-lesson#anchor"]

An entry starts with "- " at column 0; each further key is indented by two
spaces; every value is a JSON value (double-quoted string or a list of them) on
one line. The parser rejects anything else with a line number.

Usage:
    python3 content/tools/check_questions.py [--file PATH] [--content DIR] [-v]

Exit status 0 when every check passes, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter, OrderedDict
from pathlib import Path

MIN_QUESTIONS = 60
MAX_RELEVANT = 3
KEYS = ("id", "question", "relevant")
ID_RE = re.compile(r"^q-[0-9]{3,}$")
KEBAB = r"[a-z0-9]+(?:-[a-z0-9]+)*"
REF_RE = re.compile(r"^(" + KEBAB + r")#([^#\s]+)$")
LESSON_FILE_RE = re.compile(r"^[0-9]{2}-(" + KEBAB + r")\.md$")
TRACK_DIR_RE = re.compile(r"^[0-9]{2}-(" + KEBAB + r")$")
ENTRY_RE = re.compile(r"^- ([a-z_]+):(?: (.*))?$")
KEY_RE = re.compile(r"^  ([a-z_]+):(?: (.*))?$")
ATX_RE = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$")
FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")


class ParseError(Exception):
    def __init__(self, line_no: int, message: str):
        super().__init__(f"line {line_no}: {message}")


# --------------------------------------------------------------------------- parsing the YAML subset

def parse_questions(text: str) -> list[dict]:
    """Parse the JSON-compatible YAML subset described in the module docstring."""
    entries: list[dict] = []
    current: OrderedDict | None = None
    for line_no, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if "\t" in raw:
            raise ParseError(line_no, "tab characters are not allowed; indent with spaces")
        m = ENTRY_RE.match(line)
        if m:
            current = OrderedDict()
            current["_line"] = line_no
            entries.append(current)
        else:
            m = KEY_RE.match(line)
            if not m:
                raise ParseError(line_no, "expected '- key: value' (new entry) or '  key: value' "
                                          f"(two-space indent), got {line!r}")
            if current is None:
                raise ParseError(line_no, "key outside of an entry; an entry starts with '- '")
        key, value_text = m.group(1), m.group(2)
        if key in current:
            raise ParseError(line_no, f"duplicate key {key!r} in one entry")
        if value_text is None or not value_text.strip():
            raise ParseError(line_no, f"key {key!r} has no value; write the value as JSON on the same line")
        try:
            value = json.loads(value_text)
        except json.JSONDecodeError as exc:
            raise ParseError(line_no, f"value of {key!r} is not a JSON value ({exc.msg}); "
                                      "quote strings with double quotes") from None
        current[key] = value
    return entries


# --------------------------------------------------------------------------- lessons and anchors

def slug(text: str) -> str:
    """GitHub-style heading slug, identical to MarkdownRenderer.slug on the server."""
    s = unicodedata.normalize("NFKC", text).lower().strip()
    kept = []
    for ch in s:
        if ch in " _-" or unicodedata.category(ch)[0] in ("L", "N", "M"):
            kept.append(ch)
    return "".join(kept).replace(" ", "-")


def heading_text(raw: str) -> str:
    """Plain text of an ATX heading's inline content (what the renderer's textOf sees)."""
    text = raw.strip()
    text = re.sub(r"[ \t]+#+$", "", text)            # optional closing sequence
    if re.fullmatch(r"#+", text):
        return ""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)   # links and images -> their text
    text = re.sub(r"<[^>]+>", "", text)                # inline HTML tags
    text = re.sub(r"(\*\*|__|\*|`)", "", text)          # emphasis and code markers
    text = re.sub(r"(?<!\w)_(\S(?:.*?\S)?)_(?!\w)", r"\1", text)  # _emphasis_
    return text


def strip_front_matter(lines: list[str]) -> list[str]:
    if lines and lines[0].strip() == "---":
        for i in range(1, len(lines)):
            if lines[i].strip() == "---":
                return lines[i + 1:]
    return lines


def lesson_anchors(markdown: str) -> list[str]:
    """Anchors of every heading outside fenced code, in document order, with -N suffixes."""
    anchors: list[str] = []
    used: dict[str, int] = {}
    fence: str | None = None
    for line in strip_front_matter(markdown.splitlines()):
        fm = FENCE_RE.match(line)
        if fence is None:
            if fm and not (fm.group(1)[0] == "`" and "`" in fm.group(2)):
                fence = fm.group(1)
                continue
        else:
            if fm and fm.group(1)[0] == fence[0] and len(fm.group(1)) >= len(fence) \
                    and not fm.group(2).strip():
                fence = None
            continue
        hm = ATX_RE.match(line)
        if not hm:
            continue
        base = slug(heading_text(hm.group(2) or ""))
        n = used.get(base)
        used[base] = 1 if n is None else n + 1
        anchors.append(base if n is None else f"{base}-{n}")
    return anchors


def load_lessons(content: Path) -> dict[str, dict]:
    """lesson id -> {"track": track id, "anchors": [...], "path": Path}."""
    lessons: dict[str, dict] = {}
    for track_dir in sorted((content / "tracks").iterdir()):
        tm = TRACK_DIR_RE.match(track_dir.name)
        if not tm or not track_dir.is_dir():
            continue
        lesson_dir = track_dir / "lessons"
        if not lesson_dir.is_dir():
            continue
        for path in sorted(lesson_dir.glob("*.md")):
            lm = LESSON_FILE_RE.match(path.name)
            if not lm:
                continue
            lessons[lm.group(1)] = {
                "track": tm.group(1),
                "anchors": lesson_anchors(path.read_text(encoding="utf-8")),
                "path": path,
            }
    return lessons


def list_tracks(content: Path) -> list[str]:
    return [m.group(1) for d in sorted((content / "tracks").iterdir())
            if d.is_dir() and (m := TRACK_DIR_RE.match(d.name))]


# --------------------------------------------------------------------------- checks

def check(entries: list[dict], lessons: dict[str, dict], tracks: list[str]) -> tuple[list[str], Counter, Counter]:
    problems: list[str] = []
    per_track: Counter = Counter()
    per_lesson: Counter = Counter()
    ids: dict[str, int] = {}
    questions: dict[str, str] = {}
    for entry in entries:
        line = entry.get("_line", 0)
        where = f"line {line}"
        keys = [k for k in entry if k != "_line"]
        missing = [k for k in KEYS if k not in entry]
        unknown = [k for k in keys if k not in KEYS]
        if missing:
            problems.append(f"{where}: missing key(s) {', '.join(missing)}")
        if unknown:
            problems.append(f"{where}: unknown key(s) {', '.join(unknown)}")
        qid = entry.get("id")
        if qid is not None:
            if not isinstance(qid, str) or not ID_RE.match(qid):
                problems.append(f"{where}: id {qid!r} does not look like q-001")
            elif qid in ids:
                problems.append(f"{where}: duplicate id {qid} (first used on line {ids[qid]})")
            else:
                ids[qid] = line
            where = f"line {line} ({qid})"
        question = entry.get("question")
        if question is not None:
            if not isinstance(question, str) or not question.strip():
                problems.append(f"{where}: question must be a non-empty string")
            else:
                norm = " ".join(question.lower().split())
                if norm in questions:
                    problems.append(f"{where}: same question as {questions[norm]}")
                else:
                    questions[norm] = str(qid)
        relevant = entry.get("relevant")
        if relevant is None:
            continue
        if not isinstance(relevant, list) or not 1 <= len(relevant) <= MAX_RELEVANT:
            problems.append(f"{where}: relevant must be a list of 1-{MAX_RELEVANT} 'lesson-id#anchor' strings")
            continue
        if len(set(map(str, relevant))) != len(relevant):
            problems.append(f"{where}: relevant lists the same section twice")
        for i, ref in enumerate(relevant):
            m = REF_RE.match(ref) if isinstance(ref, str) else None
            if not m:
                problems.append(f"{where}: {ref!r} is not of the form lesson-id#anchor")
                continue
            lesson_id, anchor = m.groups()
            lesson = lessons.get(lesson_id)
            if lesson is None:
                problems.append(f"{where}: no lesson with id {lesson_id!r}")
                continue
            if anchor not in lesson["anchors"]:
                hint = ", ".join(lesson["anchors"])
                problems.append(f"{where}: lesson {lesson_id!r} has no section #{anchor} (sections: {hint})")
                continue
            per_lesson[lesson_id] += 1
            if i == 0:
                per_track[lesson["track"]] += 1
    if len(entries) < MIN_QUESTIONS:
        problems.append(f"only {len(entries)} questions; at least {MIN_QUESTIONS} are required")
    for track in tracks:
        if per_track[track] == 0:
            problems.append(f"track {track!r} has no question whose best section is in it")
    return problems, per_track, per_lesson


def main(argv: list[str] | None = None) -> int:
    root = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--file", type=Path, default=root / "eval" / "curriculum-questions.yaml")
    parser.add_argument("--content", type=Path, default=root)
    parser.add_argument("-v", "--verbose", action="store_true", help="also list lessons per count")
    args = parser.parse_args(argv)

    try:
        entries = parse_questions(args.file.read_text(encoding="utf-8"))
    except OSError as exc:
        print(f"FAIL: cannot read {args.file}: {exc}")
        return 1
    except ParseError as exc:
        print(f"FAIL: {args.file}: {exc}")
        return 1

    lessons = load_lessons(args.content)
    tracks = list_tracks(args.content)
    problems, per_track, per_lesson = check(entries, lessons, tracks)

    print(f"{len(entries)} questions, {len(lessons)} lessons in {len(tracks)} tracks")
    for track in tracks:
        print(f"  {track:28s} {per_track[track]:3d}")
    uncovered = sorted(lid for lid in lessons if per_lesson[lid] == 0)
    if uncovered:
        print(f"note: {len(uncovered)} lesson(s) are not cited by any question: {', '.join(uncovered)}")
    if args.verbose:
        for lid in lessons:
            print(f"    {lessons[lid]['track']:28s} {lid:40s} {per_lesson[lid]:3d}")
    if problems:
        for p in problems:
            print(f"FAIL: {p}")
        print(f"{len(problems)} problem(s)")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
