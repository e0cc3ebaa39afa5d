"""AgentCoach's box launcher: the first program of every sandbox box, trusted, started before any
request is known so that a box is ready (Python started, the grader imported) when code arrives.

It waits for one header line on stdin, {"entry": "main.py", "argv": [...]}; by then the host has
put the request's files in /input (read-only here, and nothing untrusted has run in this box yet).
It then runs /input/<entry> in this same interpreter as `python3 -B -S /input/<entry> argv...`
would: __main__ module, sys.argv, sys.path[0] = /input, the rest of stdin as the program's stdin,
tracebacks and exit codes as Python prints them. It never reads anything the program wrote.
"""

import os
import sys

# imported ahead so that grading starts at once; its JSON reader reads the header too
from agentcoach_grader import from_json

INPUT = "/input"
MAX_HEADER = 1 << 20


def read_header():
    """The header line, read byte by byte so that nothing of the program's stdin is consumed."""
    line = bytearray()
    while True:
        byte = os.read(0, 1)
        if not byte:
            raise SystemExit(125)  # the host went away before sending a request
        if byte == b"\n":
            break
        line += byte
        if len(line) > MAX_HEADER:
            raise SystemExit(125)
    return from_json(bytes(line))


def main():
    header = read_header()
    path = INPUT + "/" + header["entry"]
    sys.argv[:] = [path] + list(header.get("argv", []))
    sys.path[0] = INPUT
    module = type(sys)("__main__")
    module.__file__ = path
    module.__builtins__ = __builtins__
    sys.modules["__main__"] = module
    try:
        with open(path, "rb") as f:
            code = compile(f.read(), path, "exec")
        exec(code, module.__dict__)
    except SystemExit:
        raise
    except BaseException as error:  # noqa: BLE001 - printed as Python prints an uncaught exception
        tb = error.__traceback__
        # hide this launcher's frame, as if the program had been started directly
        while tb is not None and tb.tb_frame.f_code.co_filename == __file__:
            tb = tb.tb_next
        sys.excepthook(type(error), error.with_traceback(tb), tb)
        raise SystemExit(1) from None


main()
