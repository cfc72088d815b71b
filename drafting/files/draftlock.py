"""A lock file beside an open draft, so two windows or two processes cannot
silently overwrite each other's work.

The lock is ``.~NAME.lock`` in the draft's folder (like Word's ``~$NAME``),
created with O_EXCL and holding the owner's host, process id and start time.
A lock left by a process that no longer runs on this machine is stale and is
taken over; a live one makes ``acquire`` raise with who holds it.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
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
        """The current holder's record, or None when unlocked or unreadable."""
        try:
            return json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def is_stale(self, record: dict | None) -> bool:
        if record is None:
            return True
        if record.get("host") != socket.gethostname():
            # Another computer (a shared folder): trust the lock for a day at most.
            return time.time() - float(record.get("time", 0)) > 24 * 3600
        return not pid_alive(int(record.get("pid", -1)))

    def acquire(self) -> None:
        """Take the lock, or raise StorageError naming who holds it.

        Raises:
            StorageError: another live process (or window) has the draft open.
        """
        if self.held:
            return
        record = {"host": socket.gethostname(), "pid": os.getpid(), "time": time.time()}
        for _attempt in range(2):
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                current = self.owner()
                if current is not None and not self.is_stale(current):
                    when = time.strftime("%m月%d日 %H:%M", time.localtime(float(current.get("time", 0))))
                    raise StorageError(
                        f"草稿“{self.draft.name}”已在另一个窗口或程序中打开（{when} 起，计算机 {current.get('host')}）。"
                        "为避免互相覆盖，请先在那里关闭它；如果确定没有打开，可删除同一文件夹中的"
                        f"“{self.path.name}”后再试。"
                    ) from None
                with contextlib.suppress(OSError):
                    self.path.unlink()
                continue
            except OSError:
                # A read-only folder cannot hold a lock; saving there will fail with its own message.
                return
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(record, handle)
            self.held = True
            return

    def release(self) -> None:
        if not self.held:
            return
        record = self.owner()
        if record is not None and record.get("pid") == os.getpid() and record.get("host") == socket.gethostname():
            with contextlib.suppress(OSError):
                self.path.unlink()
        self.held = False
