"""AgentCoach's trusted grader: runs test functions against a learner's solution in the sandbox.

The server starts it as the box's main program and sends one JSON document on stdin:
    {"nonce": "...", "timeout": 2.0,
     "suites": [{"name": "public", "source": "def test_x(): ..."}, ...]}
The learner's code is solution.py next to the entry point. Tests are top-level functions named
test_* that use assert; they are found by parsing each suite with ast, never by running it.

Each test runs in a forked child that reports over a pipe of its own; the verdict is written by
this parent process alone, as one JSON document on file descriptor 3, which no child keeps open:
    {"nonce": "...", "tests": [{"suite", "name", "passed", "message", "durationMs"}, ...]}
Anything printed to stdout or stderr is output, never a verdict. A child that exits early, is
killed, or reports nothing well-formed has failed. The parent makes itself non-dumpable so a child
can neither ptrace it nor open its descriptors or memory through /proc.
"""

import ast
import ctypes
import json
import linecache
import os
import select
import sys
import time

RESULT_FD = 3
MAX_REPORT = 64 * 1024
MAX_MESSAGE = 2000


def make_undumpable():
    try:
        ctypes.CDLL(None, use_errno=True).prctl(4, 0, 0, 0, 0)  # PR_SET_DUMPABLE = 4
    except (OSError, AttributeError):
        pass


def test_names(source):
    tree = ast.parse(source)
    return [node.name for node in tree.body
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("test_")]


def describe_failure(error):
    if isinstance(error, AssertionError):
        text = str(error)
        if not text:
            import traceback  # only failures without a message need it

            frames = traceback.extract_tb(error.__traceback__)
            line = frames[-1].line if frames else ""
            text = "assertion failed: " + (line or "assert")
        return text[:MAX_MESSAGE]
    return (type(error).__name__ + ": " + str(error))[:MAX_MESSAGE]


def run_in_child(suite_name, source, name, report_fd):
    """Runs in the forked child; never returns."""
    status = 1
    try:
        os.close(RESULT_FD)
    except OSError:
        pass
    try:
        namespace = {"__name__": "tests_" + suite_name}
        started = time.perf_counter()
        try:
            exec(compile(source, "tests_" + suite_name + ".py", "exec"), namespace)
            namespace[name]()
            report = {"passed": True, "message": None}
        except BaseException as error:  # noqa: BLE001 - every failure of learner code is a failed test
            if isinstance(error, SystemExit):
                report = {"passed": False, "message": "the code called exit(" + str(error.code) + ")"}
            else:
                report = {"passed": False, "message": describe_failure(error)}
        report["durationMs"] = round((time.perf_counter() - started) * 1000, 3)
        os.write(report_fd, json.dumps(report).encode()[:MAX_REPORT])
        status = 0
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        os._exit(status)


def read_report(fd, pid, timeout):
    """What the child reported, or None; kills it when the timeout passes."""
    deadline = time.monotonic() + timeout
    chunks = []
    size = 0
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
            return None, "timed out after %g s" % timeout
        ready, _, _ = select.select([fd], [], [], remaining)
        if not ready:
            continue
        chunk = os.read(fd, 65536)
        if not chunk:
            break
        size += len(chunk)
        if size > MAX_REPORT:
            os.kill(pid, 9)
            break
        chunks.append(chunk)
    _, status = os.waitpid(pid, 0)
    if not chunks and os.WIFEXITED(status):
        return None, "the test process ended before reporting a result (exit code %d)" % os.WEXITSTATUS(status)
    if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
        if os.WIFSIGNALED(status):
            return None, "the test process was killed by signal %d" % os.WTERMSIG(status)
        return None, "the test process ended before reporting a result (exit code %d)" % os.WEXITSTATUS(status)
    try:
        report = json.loads(b"".join(chunks))
    except ValueError:
        return None, "the test process reported nothing readable"
    if not isinstance(report, dict) or not isinstance(report.get("passed"), bool):
        return None, "the test process reported nothing readable"
    return report, None


def run_test(suite_name, source, name, timeout):
    read_fd, write_fd = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        os.close(read_fd)
        run_in_child(suite_name, source, name, write_fd)
    os.close(write_fd)
    started = time.perf_counter()
    try:
        report, problem = read_report(read_fd, pid, timeout)
    finally:
        os.close(read_fd)
    elapsed = round((time.perf_counter() - started) * 1000, 3)
    if report is None:
        return {"suite": suite_name, "name": name, "passed": False, "message": problem, "durationMs": elapsed}
    message = report.get("message")
    duration = report.get("durationMs")
    return {"suite": suite_name, "name": name, "passed": report["passed"],
            "message": message[:MAX_MESSAGE] if isinstance(message, str) else None,
            "durationMs": duration if isinstance(duration, (int, float)) else elapsed}


def main():
    request = json.loads(sys.stdin.read())
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.close(devnull)
    make_undumpable()
    # learner output in forked children must not be lost when they end with os._exit
    sys.stdout.reconfigure(line_buffering=True)
    os.set_inheritable(RESULT_FD, False)
    results = []
    for suite in request["suites"]:
        try:
            names = test_names(suite["source"])
        except SyntaxError as error:
            results.append({"suite": suite["name"], "name": "(suite)", "passed": False,
                            "message": "the tests do not parse: " + str(error), "durationMs": 0})
            continue
        filename = "tests_" + suite["name"] + ".py"
        linecache.cache[filename] = (len(suite["source"]), None, suite["source"].splitlines(True), filename)
        for name in names:
            results.append(run_test(suite["name"], suite["source"], name, float(request.get("timeout", 5))))
    verdict = json.dumps({"nonce": request["nonce"], "tests": results}).encode()
    view = memoryview(verdict)
    while view:
        view = view[os.write(RESULT_FD, view):]
    os.close(RESULT_FD)


if __name__ == "__main__":
    main()
