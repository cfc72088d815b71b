"""Kill the real app (SIGKILL) seconds after typing: the next start offers the text typed
up to 5 seconds before the kill.

The app runs as a subprocess (offscreen) started by tests/app_driver.py, which
starts it as main.py does and drives it: --open starts a new report, --script
types into the preamble through the app's own editor, --log says when each
text was typed; the second start answers the restore offer (--restore-first)
and writes what it restored (--state-out).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

pytestmark = [pytest.mark.slow, pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")]

TYPED_EARLY = "今年以来，镇党委镇政府坚持依法行政，这段文字在被强行结束前已经输入。"
TYPED_LATE = "这一句在结束前一刻才输入。"
#: The issue's promise: text typed this long before the kill is restored.
PROMISE_S = 5.0


DRIVER = REPO_ROOT / "tests" / "app_driver.py"


def _env(data_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="offscreen", FAZHI_DATA_DIR=str(data_dir), FAZHI_NO_WARMUP="1",
               PYTHONIOENCODING="utf-8")
    return env


def _wait_for_log(log: Path, count: int, proc: subprocess.Popen, deadline: float) -> list[dict]:
    while time.time() < deadline:
        if log.is_file():
            lines = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines() if line.strip()]
            if len(lines) >= count:
                return lines
        assert proc.poll() is None, f"the app exited early: {proc.stderr.read() if proc.stderr else ''}"
        time.sleep(0.05)
    raise AssertionError("the app did not type the scripted text in time")


def test_sigkill_after_typing_offers_restore_at_next_start(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    script = tmp_path / "script.json"
    log = tmp_path / "typed.log"
    script.write_text(json.dumps([
        {"after_ms": 300, "part": "preamble", "text": TYPED_EARLY},
        {"after_ms": 300 + int((PROMISE_S - 0.7) * 1000), "part": "preamble", "text": TYPED_LATE},
    ], ensure_ascii=False), encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, str(DRIVER), "--open", "new:某某镇人民政府:2024", "--script", str(script), "--log", str(log)],
        cwd=REPO_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=_env(data_dir),
    )
    try:
        first = _wait_for_log(log, 1, proc, time.time() + 60)[0]
        assert TYPED_EARLY in first["text"]
        # Kill a little more than PROMISE_S after the first typing, with fresh typing just before.
        _wait_for_log(log, 2, proc, time.time() + 30)
        time.sleep(max(0.0, first["t"] + PROMISE_S + 0.3 - time.time()))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)
        if proc.stderr:
            proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL

    state_out = tmp_path / "state.json"
    second = subprocess.run(
        [sys.executable, str(DRIVER), "--restore-first", "--state-out", str(state_out)],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=60, env=_env(data_dir),
    )
    assert second.returncode == 0, second.stderr[-2000:]
    state = json.loads(state_out.read_text(encoding="utf-8"))
    assert len(state["offered"]) == 1
    assert "某某镇人民政府" in state["offered"][0]
    assert TYPED_EARLY in state["parts"]["preamble"]
