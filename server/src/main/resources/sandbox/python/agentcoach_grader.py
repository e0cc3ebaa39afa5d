"""AgentCoach's trusted grader: runs test functions against a learner's solution in the sandbox.

The server starts it as the box's main program and sends one JSON document on stdin:
    {"nonce": "...", "timeout": 2.0,
     "suites": [{"name": "public", "source": "def test_x(): ..."}, ...]}
The learner's code is solution.py next to the entry point. Tests are top-level functions named
test_* that use assert; they are found by parsing each suite with ast, never by running it.

Each test runs in a forked child that reports over a pipe of its own; verdicts are written by
this parent process alone, as JSON lines on file descriptor 3, which no child keeps open: one line
per test as it finishes, then the whole verdict as the last line:
    {"nonce": "...", "test": {"suite", "name", "passed", "message", "durationMs"}}
    {"nonce": "...", "tests": [{"suite", "name", "passed", "message", "durationMs"}, ...]}
Anything printed to stdout or stderr is output, never a verdict. A child that exits early, is
killed, or reports nothing well-formed has failed. The parent makes itself non-dumpable so a child
can neither ptrace it nor open its descriptors or memory through /proc.

Start-up cost matters (every grading pays it): only C modules are imported (_json, _ast, _ctypes,
select) instead of json, ast and ctypes, which pull in re, enum and more; traceback and linecache
are imported only when a failing assertion has no message.
"""

import _ast
import _ctypes
import _json
import os
import select
import sys
import time

RESULT_FD = 3
MAX_REPORT = 64 * 1024
MAX_MESSAGE = 2000


class _DecoderContext:
    """What _json.make_scanner reads from a decoder: strict JSON, plain dicts and numbers."""

    strict = True
    object_hook = None
    object_pairs_hook = None
    parse_float = float
    parse_int = int
    memo = {}

    @staticmethod
    def parse_constant(name):
        raise ValueError("not JSON: " + name)


_scan = _json.make_scanner(_DecoderContext())


def from_json(text):
    """One JSON value, the whole text (json.loads without importing json)."""
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    start = len(text) - len(text.lstrip())
    try:
        value, end = _scan(text, start)
    except StopIteration:
        raise ValueError("not JSON") from None
    if text[end:].strip():
        raise ValueError("extra data after JSON")
    return value


def to_json(value):
    """JSON text of dicts, lists, strings, numbers, booleans and None (ASCII only)."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, str):
        return _json.encode_basestring_ascii(value)
    if isinstance(value, (int, float)):
        return repr(value) if value == value and value not in (float("inf"), float("-inf")) else "null"
    if isinstance(value, dict):
        return "{" + ", ".join(_json.encode_basestring_ascii(str(k)) + ": " + to_json(v) for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(to_json(v) for v in value) + "]"
    return _json.encode_basestring_ascii(str(value))


def make_undumpable():
    try:
        prctl = _ctypes.dlsym(_ctypes.dlopen(None), "prctl")
        _ctypes.call_function(prctl, (4, 0, 0, 0, 0))  # PR_SET_DUMPABLE = 4, value 0
    except (OSError, AttributeError):
        pass


def test_names(source):
    tree = compile(source, "tests", "exec", _ast.PyCF_ONLY_AST)
    return [node.name for node in tree.body
            if isinstance(node, (_ast.FunctionDef, _ast.AsyncFunctionDef)) and node.name.startswith("test_")]


def describe_failure(error, suite_name, source):
    if isinstance(error, AssertionError):
        text = str(error)
        if not text:
            import linecache  # only failures without a message need the test's source line
            import traceback

            filename = "tests_" + suite_name + ".py"
            linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
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
                report = {"passed": False, "message": describe_failure(error, suite_name, source)}
        report["durationMs"] = round((time.perf_counter() - started) * 1000, 3)
        os.write(report_fd, to_json(report).encode()[:MAX_REPORT])
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
        report = from_json(b"".join(chunks))
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


def write_line(document):
    """One JSON line on the result descriptor, all of it."""
    view = memoryview((to_json(document) + "\n").encode())
    while view:
        view = view[os.write(RESULT_FD, view):]


def main():
    request = from_json(sys.stdin.buffer.read())
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.close(devnull)
    make_undumpable()
    # learner output in forked children must not be lost when they end with os._exit
    sys.stdout.reconfigure(line_buffering=True)
    os.set_inheritable(RESULT_FD, False)
    nonce = request["nonce"]
    results = []
    for suite in request["suites"]:
        try:
            names = test_names(suite["source"])
        except SyntaxError as error:
            result = {"suite": suite["name"], "name": "(suite)", "passed": False,
                      "message": "the tests do not parse: " + str(error), "durationMs": 0}
            results.append(result)
            write_line({"nonce": nonce, "test": result})
            continue
        for name in names:
            result = run_test(suite["name"], suite["source"], name, float(request.get("timeout", 5)))
            results.append(result)
            write_line({"nonce": nonce, "test": result})
    write_line({"nonce": nonce, "tests": results})
    os.close(RESULT_FD)


if __name__ == "__main__":
    main()
