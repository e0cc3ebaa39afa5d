#!/usr/bin/env python3
"""Author tool: verify every exercise's reference, starter and wrong solutions.

For each exercise folder under content/tracks/*/exercises/, each candidate
(reference.py, starter.py, every wrong/*.py) is copied into a fresh temporary
directory as solution.py together with tests_public.py, tests_hidden.py and the
agentlab package. The test_ functions of each test module run, in file order, in a
subprocess per module, each under its own timer (SIGALRM) with the process itself
bounded by a timeout; a hung or crashed process fails every test it did not report.

Rules (any violation makes the exit status non-zero):
  * reference.py passes every public and hidden test;
  * starter.py fails at least one hidden test;
  * every wrong/*.py fails at least one hidden test;
  * the exercise has the required files and at least one wrong solution;
  * no reference test takes longer than SLOW_TEST_SECONDS.

Usage:
    python3 content/tools/check_exercises.py [exercise-id ...] [--verbose] [--timeout SECONDS]

Standard library only. The production grader runs the same tests inside the
bubblewrap sandbox from the Java test suite; this tool is the author's quick loop.
"""

from __future__ import annotations

import argparse
import ast
import json
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

# Runs the named test functions of one module in order, each under its own timer,
# and prints one JSON line per test: {"name", "passed", "detail", "seconds"}.
RUNNER = r"""
import importlib, json, signal, sys, time, traceback
module_name, timeout, names = sys.argv[1], float(sys.argv[2]), sys.argv[3:]

class TestTimeout(BaseException):
    pass

def on_alarm(signum, frame):
    raise TestTimeout(f"timed out after {timeout}s")

signal.signal(signal.SIGALRM, on_alarm)
try:
    module = importlib.import_module(module_name)
except BaseException as exc:
    for name in names:
        print(json.dumps({"name": name, "passed": False, "seconds": 0.0,
                          "detail": f"load error: {type(exc).__name__}: {exc}"}), flush=True)
    sys.exit(0)
for name in names:
    started = time.perf_counter()
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        getattr(module, name)()
        passed, detail = True, ""
    except BaseException as exc:
        passed, detail = False, f"{type(exc).__name__}: {exc}"
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    print(json.dumps({"name": name, "passed": passed, "detail": detail,
                      "seconds": round(time.perf_counter() - started, 4)}), flush=True)
"""

#: A reference test slower than this is reported: tests must run well under a second.
SLOW_TEST_SECONDS = 1.0


@dataclass
class TestOutcome:
    module: str
    name: str
    passed: bool
    detail: str = ""
    seconds: float = 0.0


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
            names = test_names(exercise / f"{module}.py")
            if not names:
                continue
            outcomes: dict[str, TestOutcome] = {}
            try:
                proc = subprocess.run(
                    [sys.executable, "_runner.py", module, str(timeout), *names],
                    cwd=work, env=env, capture_output=True, text=True,
                    timeout=timeout * len(names) + 10,
                )
                for line in proc.stdout.splitlines():
                    if line.startswith("{"):
                        data = json.loads(line)
                        outcomes[data["name"]] = TestOutcome(module, data["name"], data["passed"],
                                                             data["detail"], data["seconds"])
                crash = (proc.stderr.strip().splitlines() or ["no output"])[-1]
            except subprocess.TimeoutExpired:
                crash = "the test process hung and was killed"
            for name in names:
                result.outcomes.append(outcomes.get(name) or TestOutcome(module, name, False, crash))
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
    for outcome in reference.outcomes:
        if outcome.seconds > SLOW_TEST_SECONDS:
            problems.append(f"{name}: {outcome.module}.{outcome.name} took {outcome.seconds:.2f}s "
                            f"(tests must run well under a second)")

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
