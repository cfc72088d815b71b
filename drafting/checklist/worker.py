"""Run the checklist in a helper process that can be killed: the window's checks never hold its GIL.

A county rule can be slow in a way no check at load time sees (``a*a*a*b`` on a
long paragraph). In a thread of the window's process such a regex would stop
the event loop, since re holds the interpreter while it matches. Here the
window sends a CheckRequest (a copy of the report and the rule files' paths:
plain, picklable data) to one long-lived helper process, started lazily with
the 'spawn' context. The helper loads the rule files (so a broken or slow file
is read off the UI thread too), runs the rules in its main thread (where
budget.deadline's timer signal stops an overrunning rule) and sends back, as
plain messages, the id of each rule as it starts and then the findings.

The window's side (CheckProcess) never blocks: a thread of its own writes the
request and reads the replies into a queue the window polls. A rule that goes
quiet for longer than its budget gets the process killed (the check is
abandoned, naming the rule); a new check from the same panel cancels its running one
the same way, while another panel's waits its turn.
Qt-free: the window polls from a QTimer (ui/findings_panel.py).
"""

from __future__ import annotations

import logging
import multiprocessing
import queue
import threading
import time
from collections.abc import Hashable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drafting.checklist.budget import rule_seconds
from drafting.errors import DraftingError
from drafting.model import Report

logger = logging.getLogger(__name__)

#: Seconds the helper may take to start, read the rule files and load the dictionary before the first rule.
START_SECONDS = 60.0
#: Seconds beyond a rule's own budget before the window gives up on it (the helper stops it itself
#: where a timer signal can interrupt a regex; this is for where it cannot).
RULE_GRACE_SECONDS = 3.0
UNEXPECTED = "检查意外失败。请保存草稿后点“重新检查”；如仍失败，请重新启动程序。"


@dataclass
class CheckRequest:
    """What the helper needs: the report (a copy), the rule files in order, rules to skip."""

    report: Report
    base: Path
    files: list[Path] = field(default_factory=list)
    reload: bool = False
    skip: frozenset[str] = frozenset()


@dataclass
class CheckEvent:
    """What a poll found: kind "done" (findings), "error" (message), "timeout" (rule or ""), "cancelled"."""

    kind: str
    findings: list[Any] = field(default_factory=list)
    message: str = ""
    rule: str = ""


def serve(conn: Any) -> None:
    """The helper's loop: a CheckRequest in, ("rule", id)... then ("done", findings) or ("error", text) out."""
    from drafting.checklist.engine import Checklist
    from drafting.checklist.loader import load_rules

    checklist: Checklist | None = None
    key: tuple[Any, ...] | None = None
    while True:
        try:
            request: CheckRequest = conn.recv()
        except (EOFError, OSError):
            return  # the window closed its end: nothing more to check
        try:
            new_key = _files_key([request.base, *request.files])
            if checklist is None or request.reload or new_key != key:
                checklist = None
                checklist = Checklist(load_rules(request.files, include_user_dir=False, base=request.base))
                key = new_key
            findings = checklist.run(request.report, on_rule=lambda rule_id: conn.send(("rule", rule_id)),
                                     skip=request.skip)
            conn.send(("done", findings))
        except DraftingError as exc:
            conn.send(("error", str(exc)))
        except (EOFError, OSError):
            return
        except Exception:  # the helper reports every failure and keeps serving
            logger.exception("check in the helper process failed")
            conn.send(("error", UNEXPECTED))


def _files_key(files: list[Path]) -> tuple[Any, ...]:
    """What tells an edited or added rule file from the one read before."""
    key: list[Any] = []
    for path in files:
        try:
            stat = path.stat()
            key.append((str(path), stat.st_mtime_ns, stat.st_size))
        except OSError:
            key.append((str(path), None, None))
    return tuple(key)


class CheckProcess:
    """The window's handle on the helper: start_check() then poll() until an event comes.

    Checks run one at a time. A new check of one owner (a findings panel) cancels that owner's
    earlier one, killing the helper if it runs; another owner's running check ends first.
    """

    def __init__(self) -> None:
        self._process: Any = None
        self._conn: Any = None
        self._events: queue.Queue[tuple[int, str, Any]] = queue.Queue()
        self._last_token = 0
        self._current: tuple[int, Hashable] | None = None  # (token, owner) of the running check
        self._waiting: list[tuple[int, Hashable, CheckRequest]] = []
        self._results: dict[int, CheckEvent] = {}
        self._rule = ""
        self._heard = 0.0
        self._rule_limit = START_SECONDS

    @property
    def busy(self) -> bool:
        return self._current is not None

    def start_check(self, request: CheckRequest, owner: Hashable = None) -> int:
        """Queue the request (cancelling the owner's earlier check); returns the token to poll with."""
        self._last_token += 1
        token = self._last_token
        self._waiting = [entry for entry in self._waiting if entry[1] != owner]
        if self._current is not None and self._current[1] == owner:
            self.kill()
        self._waiting.append((token, owner, request))
        self._pump()
        return token

    def poll(self, token: int) -> CheckEvent | None:
        """The check's outcome once there is one; None while it runs or waits. Kills the helper on a timeout."""
        self._pump()
        if token in self._results:
            return self._results.pop(token)
        if (self._current is not None and self._current[0] == token) or any(e[0] == token for e in self._waiting):
            return None
        return CheckEvent("cancelled")

    def cancel(self, token: int) -> None:
        """Abandon the check with this token if it still runs or waits (its owner no longer wants it)."""
        self._waiting = [entry for entry in self._waiting if entry[0] != token]
        if self._current is not None and self._current[0] == token:
            self.kill()
        self._pump()

    def _pump(self) -> None:
        """Take in the running check's replies, stop it past its time, then start the next one waiting."""
        if self._current is not None:
            self._take_replies(self._current[0])
        if self._current is None and self._waiting:
            self._launch(*self._waiting.pop(0))

    def _take_replies(self, token: int) -> None:
        while True:
            try:
                got_token, kind, value = self._events.get_nowait()
            except queue.Empty:
                break
            if got_token != token:
                continue  # a reply to a cancelled check
            self._heard = time.monotonic()
            if kind == "rule":
                self._rule = value
                continue
            self._current = None
            if kind == "done":
                self._results[token] = CheckEvent("done", findings=value)
            elif kind == "error":
                self._results[token] = CheckEvent("error", message=value)
            else:  # the helper died ("lost"): start afresh next time
                self.kill()
                self._results[token] = CheckEvent("error", message=UNEXPECTED)
            return
        limit = self._rule_limit if self._rule else START_SECONDS
        if time.monotonic() - self._heard > limit:
            logger.warning("check stopped: rule %s ran over %.0f s", self._rule or "(loading)", limit)
            self.kill()
            self._results[token] = CheckEvent("timeout", rule=self._rule)

    def _launch(self, token: int, owner: Hashable, request: CheckRequest) -> None:
        if self._process is None or not self._process.is_alive():
            self._spawn()
        self._current = (token, owner)
        self._rule = ""
        self._heard = time.monotonic()
        self._rule_limit = rule_seconds(sum(len(part.blocks) for part in request.report.parts)) + RULE_GRACE_SECONDS
        threading.Thread(target=self._talk, args=(self._conn, token, request), daemon=True,
                         name="check-process-io").start()

    def kill(self) -> None:
        """Stop the helper at once (a check running in it is abandoned); the next check starts another."""
        self._current = None
        process, conn = self._process, self._conn
        self._process = self._conn = None
        if process is not None:
            process.kill()
            process.join(2)
        if conn is not None:
            conn.close()

    def _spawn(self) -> None:
        context = multiprocessing.get_context("spawn")
        parent_end, child_end = context.Pipe()
        process = context.Process(target=serve, args=(child_end,), name="fazhi-check", daemon=True)
        process.start()
        child_end.close()  # only the helper holds it now: its death reads as EOF here
        self._process, self._conn = process, parent_end

    def _talk(self, conn: Any, token: int, request: CheckRequest) -> None:
        """In a thread: write the request, read replies into the queue until the outcome (or the pipe ends)."""
        try:
            conn.send(request)
            while True:
                kind, value = conn.recv()
                self._events.put((token, kind, value))
                if kind != "rule":
                    return
        except (EOFError, OSError, ValueError, TypeError):  # killed or closed under us
            self._events.put((token, "lost", None))
        except Exception:  # a reply that cannot be read: report it rather than wait for ever
            logger.exception("reading the check helper's reply failed")
            self._events.put((token, "lost", None))


_SHARED: CheckProcess | None = None


def shared_process() -> CheckProcess:
    """The one helper of this program (started with the first check): every findings panel shares it."""
    global _SHARED
    if _SHARED is None:
        _SHARED = CheckProcess()
    return _SHARED
