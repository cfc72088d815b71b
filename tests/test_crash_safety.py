"""Killing a process in the middle of a save leaves the old draft or the new one, never a damaged one."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from drafting.reading.sources import load_source
from tests.conftest import REPO_ROOT

_SAVER = """
import sys
from drafting.model import Block, Part, Report, ReportMeta
from drafting.files.storage import save_draft
path = sys.argv[1]
# Two versions big enough (about 2 MB) that a save takes a while.
versions = []
for tag in ("甲", "乙"):
    blocks = [Block(f"版本{tag}第{i}段：" + "依法行政" * 60) for i in range(2000)]
    versions.append(Report(meta=ReportMeta(org=f"版本{tag}", year=2024), parts=[Part("measures", blocks)]))
print("ready", flush=True)
i = 0
while True:
    save_draft(versions[i % 2], path)
    i += 1
"""


@pytest.mark.slow
def test_kill_during_save_never_leaves_a_damaged_draft(tmp_path: Path) -> None:
    path = tmp_path / "报告.fzbg"
    rng = random.Random(20241)
    for _round in range(6):
        with subprocess.Popen(
            [sys.executable, "-c", _SAVER, str(path)], cwd=REPO_ROOT, stdout=subprocess.PIPE, text=True
        ) as proc:
            assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
            time.sleep(rng.uniform(0.2, 1.2))
            proc.send_signal(signal.SIGKILL)
            proc.wait()
        if not path.exists():
            continue  # killed before the first save finished: nothing half-written either
        report = load_source(path)
        assert report.meta.org in ("版本甲", "版本乙")
        tag = report.meta.org[-1]
        blocks = report.part("measures").blocks  # type: ignore[union-attr]
        assert len(blocks) == 2000
        assert all(b.text.startswith(f"版本{tag}") for b in blocks)
    assert path.exists(), "no save completed in any round; the test proved nothing"
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    # A killed save may leave its temp file behind; it never replaces the draft.
    assert all(name.startswith(".报告.fzbg.") for name in leftovers)
