"""What every wegwijs component in Python needs besides its rules: ``print``
written to the host's log, and ``boundary``, which turns an exception into
a readable log before the component traps. ``app.py`` imports it; leave it
as it is.

The component is built with ``--stub-wasi``: every WASI import traps, so
writing to the real standard output would trap too. Here ``sys.stdout``
and ``sys.stderr`` write to ``host.log`` instead, one record per line, at
level ``info`` and ``warn``.
"""

import functools
import sys
from typing import Callable, List, TypeVar

from wit_world.imports import host

# At most this many stack frames are logged with an exception.
MAX_FRAMES = 8

F = TypeVar("F", bound=Callable)


class HostLog:
    """A text stream whose lines go to ``host.log`` at one level."""

    def __init__(self, level: "host.LogLevel") -> None:
        self.level = level
        self.pending = ""

    def write(self, text: str) -> int:
        self.pending += text
        *lines, self.pending = self.pending.split("\n")
        for line in lines:
            host.log(self.level, line)
        return len(text)

    def flush(self) -> None:
        if self.pending:
            host.log(self.level, self.pending)
            self.pending = ""

    def isatty(self) -> bool:
        return False


sys.stdout = HostLog(host.LogLevel.INFO)
sys.stderr = HostLog(host.LogLevel.WARN)


def describe(error: BaseException) -> List[str]:
    """An exception as log lines: its type and message, then the innermost
    frames as ``at function (file, line N)``. The host masks every digit in
    a log message, so a line number shows as ``line #``; the type, the
    message and the function names survive."""
    lines = [f"{type(error).__name__}: {error}"]
    # Walked by hand: the traceback module reads the source files (os.stat,
    # open), which are WASI calls and would trap.
    frames = []
    tb = error.__traceback__
    while tb is not None:
        code = tb.tb_frame.f_code
        file = code.co_filename.rsplit("/", 1)[-1]
        if file != "guest.py":
            frames.append(f"  at {code.co_name} ({file}, line {tb.tb_lineno})")
        tb = tb.tb_next
    return lines + frames[-MAX_FRAMES:]


def flush() -> None:
    """Writes what was printed without a final newline to the log."""
    sys.stdout.flush()
    sys.stderr.flush()


def boundary(function: F) -> F:
    """Wraps an exported method: an exception it raises is written to
    ``host.log`` at level ``warn``, one record per line (see ``describe``),
    and raised on, so the component traps and the host records a fault (the
    guideline's result stands, G-NO-DROP) whose detail ends with these
    lines. What the method printed is flushed to the log either way."""

    @functools.wraps(function)
    def guarded(*args, **kwargs):
        try:
            result = function(*args, **kwargs)
        except BaseException as error:
            flush()
            for line in describe(error):
                host.log(host.LogLevel.WARN, line)
            raise
        flush()
        return result

    return guarded  # type: ignore[return-value]
