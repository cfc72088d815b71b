"""A lock file beside an open draft, so two windows or two processes cannot
silently overwrite each other's work.

The lock is ``.~NAME.lock`` in the draft's folder (like Word's ``~$NAME``), holding the
owner's host, process id and start time. It comes into being whole: the record is written to a
temp file that is then hard-linked into place, which fails if a lock exists, so no reader ever
sees an empty or half-written lock and two processes cannot both take it. A lock left by a process
that no longer runs on this machine, or one whose content is not a lock record at all, is stale
and is taken over (renamed aside first, so of two processes taking over only one wins); a live
one makes ``acquire`` raise with who holds it.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import tempfile
import time
from pathlib import Path

from drafting.errors import StorageError


def lock_path_for(draft: Path) -> Path:
    draft = Path(draft)
    return draft.with_name(f".~{draft.name}.lock")


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if os.name == "nt":  # pragma: no cover - Windows
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        ctypes.windll.kernel32.CloseHandle(handle)
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class DraftLock:
    """Holds the lock of one draft file while it is open."""

    def __init__(self, draft: Path) -> None:
        self.draft = Path(draft)
        self.path = lock_path_for(self.draft)
        self.held = False

    def owner(self) -> dict | None:
        """The current holder's record, or None when unlocked, unreadable or not a lock record."""
        return read_record(self.path)

    def is_stale(self, record: dict | None) -> bool:
        if record is None:
            return True
        if record["host"] != socket.gethostname():
            # Another computer (a shared folder): trust the lock for a day at most.
            return time.time() - record["time"] > 24 * 3600
        return not pid_alive(record["pid"])

    def acquire(self) -> None:
        """Take the lock, or raise StorageError naming who holds it.

        Raises:
            StorageError: another live process (or window) has the draft open.
        """
        if self.held:
            return
        record = {"host": socket.gethostname(), "pid": os.getpid(), "time": time.time()}
        for _attempt in range(3):
            try:
                placed = _place(self.path, json.dumps(record).encode("utf-8"))
            except OSError:
                # A read-only folder cannot hold a lock; saving there will fail with its own message.
                return
            if placed:
                self.held = True
                return
            current = self.owner()
            if current is not None and not self.is_stale(current):
                raise self._held_by(current)
            if not _take_over(self.path, current):
                current = self.owner()
                if current is not None and not self.is_stale(current):
                    raise self._held_by(current)
        return  # the lock kept changing hands: leave the draft unlocked rather than refuse it

    def _held_by(self, current: dict) -> StorageError:
        when = time.strftime("%m月%d日 %H:%M", time.localtime(current["time"]))
        return StorageError(
            f"草稿“{self.draft.name}”已在另一个窗口或程序中打开（{when} 起，计算机 {current['host']}）。"
            "为避免互相覆盖，请先在那里关闭它；如果确定没有打开，可删除同一文件夹中的"
            f"“{self.path.name}”后再试。"
        )

    def release(self) -> None:
        if not self.held:
            return
        record = self.owner()
        if record is not None and record["pid"] == os.getpid() and record["host"] == socket.gethostname():
            with contextlib.suppress(OSError):
                self.path.unlink()
        self.held = False


#: Lock files are a few dozen bytes; anything much larger is not ours.
_MAX_RECORD_BYTES = 4096


def read_record(path: Path) -> dict | None:
    """The lock record in path: {"host": str, "pid": int, "time": float}, or None for anything else.

    Any content is tolerated: a file that is not JSON, JSON of another shape, a pid that is not a
    whole number or a time that is not a plausible timestamp all read as "no valid lock".
    """
    try:
        with open(path, "rb") as handle:
            raw = handle.read(_MAX_RECORD_BYTES + 1)
    except OSError:
        return None
    if len(raw) > _MAX_RECORD_BYTES:
        return None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict):
        return None
    host, pid, stamp = data.get("host"), data.get("pid"), data.get("time")
    if not isinstance(host, str) or type(pid) is not int or not 0 < pid < 2**31:
        return None
    if type(stamp) not in (int, float) or not 0 <= stamp < 2**33:
        return None
    return {"host": host, "pid": pid, "time": float(stamp)}


def _place(path: Path, content: bytes) -> bool:
    """Create path holding content, whole, unless it exists: True when placed, False when it exists.

    Raises:
        OSError: the folder cannot hold files (read-only, missing).
    """
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(tmp, path)  # atomic, and refuses an existing file
        except FileExistsError:
            return False
        except OSError:
            # A file system without hard links (some network shares): O_EXCL creation is the next best.
            try:
                fd2 = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                return False
            with os.fdopen(fd2, "wb") as handle:
                handle.write(content)
        return True
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def _take_over(path: Path, judged: dict | None) -> bool:
    """Move a stale lock aside; False when someone else changed it since it was judged stale."""
    aside = path.with_name(f"{path.name}.{os.getpid()}.{time.monotonic_ns()}.stale")
    try:
        os.rename(path, aside)
    except FileNotFoundError:
        return True  # gone already: try to place ours again
    except OSError:
        return False
    if read_record(aside) != judged:
        # A live process placed its lock between our look and our move: give it back.
        with contextlib.suppress(OSError):
            os.link(aside, path)
        with contextlib.suppress(OSError):
            os.unlink(aside)
        return False
    with contextlib.suppress(OSError):
        os.unlink(aside)
    return True
