#!/usr/bin/env python3
"""Author tool: verify every exercise's reference, starter and wrong solutions.

For each exercise folder under content/tracks/*/exercises/, each candidate
(reference.py, starter.py, every wrong/*.py) is copied into a fresh temporary
directory as solution.py together with tests_public.py, tests_hidden.py and the
agentlab package. Every test_ function is run in its own subprocess with a timeout.

Rules (any violation makes the exit status non-zero):
  * reference.py passes every public and hidden test;
  * starter.py fails at least one hidden test;
  * every wrong/*.py fails at least one hidden test;
  * the exercise has the required files and at least one wrong solution.

Usage:
    python3 content/tools/check_exercises.py [exercise-id ...] [--verbose] [--timeout SECONDS]

Standard library only. The production grader runs the same tests inside the
bubblewrap sandbox from the Java test suite; this tool is the author's quick loop.
"""

from __future__ import annotations

import argparse
import ast
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field

REPO = pathlib.Path(__file__).resolve().parents[2]
TRACKS = REPO / "content" / "tracks"
AGENTLAB = REPO / "server" / "src" / "main" / "resources" / "sandbox" / "python" / "agentlab"
REQUIRED = ("exercise.md", "starter.py", "tests_public.py", "tests_hidden.py", "reference.py")

# Runs one test function; exit code 0 = pass, 1 = fail, 2 = could not load.
RUNNER = r"""
import importlib, sys, traceback
module_name, test_name = sys.argv[1], sys.argv[2]
try:
    module = importlib.import_module(module_name)
    test = getattr(module, test_name)
except BaseException as exc:
    print(f"load error: {type(exc).__name__}: {exc}")
    sys.exit(2)
try:
    test()
except BaseException as exc:
    print(f"{type(exc).__name__}: {exc}")
    sys.exit(1)
sys.exit(0)
"""


@dataclass
class TestOutcome:
    module: str
    name: str
    passed: bool
    detail: str = ""


@dataclass
class CandidateResult:
    label: str
    outcomes: list[TestOutcome] = field(default_factory=list)

    def failed(self, module: str | None = None) -> list[TestOutcome]:
        return [o for o in self.outcomes if not o.passed and (module is None or o.module == module)]


def test_names(path: pathlib.Path) -> list[str]:
    """Module-level test_ functions, in file order (parsed, not imported)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [
        node.name for node in tree.body
        if isinstance(node, ast.FunctionDef) and node.name.startswith("test_")
    ]


def run_candidate(exercise: pathlib.Path, candidate: pathlib.Path, timeout: float) -> CandidateResult:
    result = CandidateResult(label=str(candidate.relative_to(exercise)))
    with tempfile.TemporaryDirectory(prefix="agentcoach-check-") as tmp:
        work = pathlib.Path(tmp)
        shutil.copy(candidate, work / "solution.py")
        for name in ("tests_public.py", "tests_hidden.py"):
            shutil.copy(exercise / name, work / name)
        shutil.copytree(AGENTLAB, work / "agentlab", ignore=shutil.ignore_patterns("__pycache__"))
        (work / "_runner.py").write_text(RUNNER, encoding="utf-8")
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONHASHSEED": "0",
               "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPATH": str(work)}
        for module in ("tests_public", "tests_hidden"):
            for name in test_names(exercise / f"{module}.py"):
                try:
                    proc = subprocess.run(
                        [sys.executable, "_runner.py", module, name],
                        cwd=work, env=env, capture_output=True, text=True, timeout=timeout,
                    )
                    passed = proc.returncode == 0
                    stderr_lines = proc.stderr.strip().splitlines()
                    detail = proc.stdout.strip() or (stderr_lines[-1] if stderr_lines else "")
                except subprocess.TimeoutExpired:
                    passed, detail = False, f"timed out after {timeout}s"
                result.outcomes.append(TestOutcome(module, name, passed, detail))
    return result


def find_exercises(ids: list[str]) -> list[pathlib.Path]:
    folders = sorted(p for p in TRACKS.glob("*/exercises/*") if p.is_dir())
    if ids:
        wanted = set(ids)
        folders = [p for p in folders if p.name in wanted]
        missing = wanted - {p.name for p in folders}
        if missing:
            raise SystemExit(f"unknown exercise id(s): {', '.join(sorted(missing))}")
    return folders


def check_exercise(exercise: pathlib.Path, timeout: float, verbose: bool) -> list[str]:
    problems: list[str] = []
    name = exercise.name
    for required in REQUIRED:
        if not (exercise / required).is_file():
            problems.append(f"{name}: missing {required}")
    wrongs = sorted((exercise / "wrong").glob("*.py")) if (exercise / "wrong").is_dir() else []
    if not wrongs:
        problems.append(f"{name}: needs at least one wrong/*.py")
    if problems:
        return problems
    if not test_names(exercise / "tests_hidden.py"):
        return [f"{name}: tests_hidden.py defines no test_ functions"]

    reference = run_candidate(exercise, exercise / "reference.py", timeout)
    for outcome in reference.failed():
        problems.append(f"{name}: reference fails {outcome.module}.{outcome.name}: {outcome.detail}")

    candidates = [exercise / "starter.py", *wrongs]
    for path in candidates:
        result = run_candidate(exercise, path, timeout)
        hidden_failures = result.failed("tests_hidden")
        if not hidden_failures:
            problems.append(f"{name}: {result.label} passes every hidden test (it must fail at least one)")
        if verbose:
            caught = ", ".join(o.name for o in hidden_failures) or "nothing"
            print(f"    {result.label}: hidden tests failing: {caught}")
    total = len(reference.outcomes)
    status = "ok" if not problems else "FAIL"
    print(f"[{status}] {name}: reference {total - len(reference.failed())}/{total}, "
          f"{len(candidates)} non-reference candidate(s) checked")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ids", nargs="*", help="exercise ids to check (default: all)")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds per test (default 10)")
    parser.add_argument("--verbose", "-v", action="store_true", help="show which hidden tests catch each candidate")
    args = parser.parse_args(argv)

    exercises = find_exercises(args.ids)
    if not exercises:
        print("no exercises found under content/tracks")
        return 1
    problems: list[str] = []
    for exercise in exercises:
        problems.extend(check_exercise(exercise, args.timeout, args.verbose))
    print()
    if problems:
        print(f"{len(problems)} problem(s):")
        for problem in problems:
            print(f"  - {problem}")
        return 1
    print(f"all {len(exercises)} exercise(s) pass the checks")
    return 0


if __name__ == "__main__":
    sys.exit(main())
