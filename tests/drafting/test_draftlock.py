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


@pytest.mark.parametrize("content", [
    "[]", '"x"', '{"pid": "abc", "host": "h", "time": 1}', '{"pid": 1e20, "host": "h", "time": 1}',
    '{"pid": 5, "host": 3, "time": 1}', '{"pid": 5, "host": "h", "time": 1e300}', '{"pid": true, "host": "h", "time": 1}',
    "", "\x00\xff", "{" * 100000, '{"pid": 5}',
])
def test_a_lock_of_any_content_never_breaks_acquire(tmp_path: Path, content: str) -> None:
    draft = tmp_path / "d.fzbg"
    lock_path_for(draft).write_text(content, encoding="utf-8", errors="surrogateescape")
    lock = DraftLock(draft)
    lock.acquire()  # not a lock record: stale, taken over
    assert lock.held
    assert json.loads(lock_path_for(draft).read_text(encoding="utf-8"))["pid"] > 0


_RACER = """
import sys, time
from drafting.files.draftlock import DraftLock
from drafting.errors import StorageError
start = float(sys.argv[2])
while time.time() < start:
    pass
lock = DraftLock(sys.argv[1])
try:
    lock.acquire()
except StorageError:
    print("refused", flush=True)
else:
    print("held" if lock.held else "unlocked", flush=True)
time.sleep(1.5)
"""


def test_two_processes_at_the_same_moment_never_both_hold_it(tmp_path: Path) -> None:
    import time

    for trial in range(8):
        draft = tmp_path / f"d{trial}.fzbg"
        start = time.time() + 0.8
        racers = [subprocess.Popen([sys.executable, "-c", _RACER, str(draft), str(start)], cwd=REPO_ROOT,
                                   stdout=subprocess.PIPE, text=True) for _ in range(2)]
        answers = sorted(proc.communicate(timeout=30)[0].strip() for proc in racers)
        assert answers == ["held", "refused"], (trial, answers)
