"""bench/run.py collects every figure issue 6 asks for, and the benchmarks find the samples from a fresh clone.

No timing here: these check the plumbing, not the figures.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT, SAMPLES_DIR, require_shared

BENCH = REPO_ROOT / "bench"
sys.path.insert(0, str(BENCH))
import run as bench_run  # noqa: E402


def _figure(name: str) -> dict:
    return {"name": name, "value": 1.0, "baseline": 2.0, "unit": "ms", "ratio": 0.5}


def test_collector_reads_only_the_last_line_object_or_list() -> None:
    one = json.dumps(_figure("a"))
    many = json.dumps([_figure("b"), _figure("c")])
    assert [f["name"] for f in bench_run._last_json_line(f"说明\n{one}\n")] == ["a"]
    assert [f["name"] for f in bench_run._last_json_line(f"{one}\n{many}\n\n")] == ["b", "c"]
    assert bench_run._last_json_line(f"{one}\n结束\n") == []  # JSON not last: not a result
    assert bench_run._last_json_line(json.dumps({"name": "x", "value": 1})) == []  # no baseline


def test_table_marks_missed_targets() -> None:
    assert bench_run._met({**_figure("a"), "target_ratio": 2.0}) == "达标"
    assert bench_run._met({**_figure("a"), "value": 400.0, "target_abs": 300.0}) == "未达标"
    assert bench_run._met(_figure("a")) == ""


def test_every_expected_figure_has_a_bench_script() -> None:
    sources = "\n".join(path.read_text(encoding="utf-8") for path in BENCH.glob("bench_*.py"))
    for name in bench_run.EXPECTED:
        assert re.search(rf'"name": "{re.escape(name)}"', sources), name


def test_bench_finds_the_samples_from_a_fresh_clone(tmp_path: Path) -> None:
    require_shared(SAMPLES_DIR / "dasi-2021.txt")
    if not (REPO_ROOT / ".git").exists():
        pytest.skip("needs a git checkout")
    clone = tmp_path / "fresh"
    subprocess.run(["git", "clone", "-q", str(REPO_ROOT), str(clone)], check=True, timeout=120)
    code = "from bench.shared_data import SAMPLES; print(SAMPLES)"
    result = subprocess.run([sys.executable, "-c", code], cwd=clone, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert Path(result.stdout.strip()).resolve() == SAMPLES_DIR.resolve()
