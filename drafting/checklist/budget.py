"""The time one rule may take on one report, and how an overrun is stopped.

A county rule can be slow in ways no check at load time foresees (a regular
expression that backtracks on one long paragraph). In the main thread of a
process (the CLI, and the window's check process) a timer signal interrupts
the rule wherever it is, even inside re's matching loop, which checks for
signals; elsewhere the engine can only look at the clock between findings.
Either way the rule is abandoned and reported once by its id.
"""

from __future__ import annotations

import contextlib
import signal
import threading
import time
from collections.abc import Iterator

#: Seconds any rule may take, plus a little per paragraph for long reports.
RULE_SECONDS = 4.0
SECONDS_PER_PARAGRAPH = 0.002


class RuleOverrun(Exception):
    """A rule used up its time and was stopped."""


class RuleLimit(Exception):
    """A rule broke a limit of the guarded environment; the message (Chinese) says which."""


def rule_seconds(paragraphs: int) -> float:
    return RULE_SECONDS + SECONDS_PER_PARAGRAPH * paragraphs


class Deadline:
    """Raised past: check() between steps; in the main thread also a timer signal."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def check(self) -> None:
        if time.monotonic() > self.end:
            raise RuleOverrun


def _on_alarm(_signum: int, _frame: object) -> None:
    raise RuleOverrun


def _can_interrupt() -> bool:
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        return False
    # Never take over a timer someone else (a test runner, an embedding program) installed.
    return signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.SIG_IGN, None)


@contextlib.contextmanager
def deadline(seconds: float) -> Iterator[Deadline]:
    """Run the body with a deadline; RuleOverrun is raised inside it once the time is up."""
    limit = Deadline(seconds)
    if not _can_interrupt():
        yield limit
        return
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield limit
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
