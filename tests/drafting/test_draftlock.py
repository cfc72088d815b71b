"""The lock beside an open draft: one holder at a time, stale locks taken over."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from drafting.errors import StorageError
from drafting.files.draftlock import DraftLock, lock_path_for
from tests.conftest import REPO_ROOT


def test_second_holder_in_same_process_is_refused(tmp_path: Path) -> None:
    draft = tmp_path / "报告.fzbg"
    first = DraftLock(draft)
    first.acquire()
    with pytest.raises(StorageError, match="已在另一个窗口"):
        DraftLock(draft).acquire()
    first.release()
    assert not lock_path_for(draft).exists()
    second = DraftLock(draft)
    second.acquire()
    assert second.held


def test_lock_held_by_another_live_process(tmp_path: Path) -> None:
    draft = tmp_path / "d.fzbg"
    code = (
        "import sys, time\n"
        "from drafting.files.draftlock import DraftLock\n"
        f"lock = DraftLock({str(draft)!r}); lock.acquire(); print('locked', flush=True); time.sleep(30)\n"
    )
    with subprocess.Popen([sys.executable, "-c", code], cwd=REPO_ROOT, stdout=subprocess.PIPE, text=True) as proc:
        try:
            assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
            with pytest.raises(StorageError, match="请先在那里关闭"):
                DraftLock(draft).acquire()
        finally:
            proc.kill()
            proc.wait()
    # The holder was killed: its lock is stale and is taken over.
    lock = DraftLock(draft)
    lock.acquire()
    assert lock.held


def test_stale_lock_of_dead_pid_is_taken_over(tmp_path: Path) -> None:
    draft = tmp_path / "d.fzbg"
    import socket

    lock_path_for(draft).write_text(json.dumps({"host": socket.gethostname(), "pid": 999999999, "time": 0}))
    lock = DraftLock(draft)
    lock.acquire()
    assert lock.held


def test_garbage_lock_file_is_stale(tmp_path: Path) -> None:
    draft = tmp_path / "d.fzbg"
    lock_path_for(draft).write_text("not json")
    DraftLock(draft).acquire()
