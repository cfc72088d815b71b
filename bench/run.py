"""Run every benchmark and print each figure beside its baseline, as a table and as JSON.

    python bench/run.py            all benchmarks
    python bench/run.py export     only those whose name contains "export"

Each bench/bench_*.py script measures one figure and its baseline in the same run and prints,
as its last line, one JSON object with at least: name, value, baseline, unit, ratio, and
optionally target_ratio, target_abs, baseline_name, extra. This script only collects them.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO_ROOT = BENCH_DIR.parent


def _last_json_line(text: str) -> list[dict]:
    found = []
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("{") and line.endswith("}"):
            try:
                found.append(json.loads(line))
            except ValueError:
                continue
    return found


def main(argv: list[str]) -> int:
    wanted = argv[1:]
    scripts = sorted(p for p in BENCH_DIR.glob("bench_*.py") if not wanted or any(w in p.stem for w in wanted))
    results: list[dict] = []
    failures: list[str] = []
    for script in scripts:
        sys.stderr.write(f"运行 {script.name} …\n")
        started = time.monotonic()
        proc = subprocess.run(
            [sys.executable, str(script)], cwd=REPO_ROOT, capture_output=True, text=True, timeout=1800
        )
        figures = _last_json_line(proc.stdout)
        if proc.returncode != 0 or not figures:
            failures.append(f"{script.name}: exit {proc.returncode}\n{proc.stderr[-2000:]}")
            continue
        for figure in figures:
            figure.setdefault("script", script.name)
            figure.setdefault("seconds_to_run", round(time.monotonic() - started, 1))
            results.append(figure)
    _print_table(results)
    print(json.dumps(results, ensure_ascii=False, indent=1))
    for failure in failures:
        sys.stderr.write(f"失败：{failure}\n")
    return 1 if failures else 0


def _fmt(value: object, unit: str) -> str:
    if isinstance(value, float):
        return f"{value:.3g} {unit}".strip()
    return f"{value} {unit}".strip()


def _print_table(results: list[dict]) -> None:
    header = ("figure", "value", "baseline", "ratio", "target")
    rows = []
    for r in results:
        unit = r.get("unit", "")
        target = []
        if r.get("target_ratio") is not None:
            target.append(f"≤ {r['target_ratio']}×")
        if r.get("target_abs") is not None:
            target.append(f"≤ {_fmt(r['target_abs'], unit)}")
        baseline = _fmt(r.get("baseline", ""), unit)
        if r.get("baseline_name"):
            baseline += f" ({r['baseline_name']})"
        ratio = r.get("ratio")
        rows.append((r.get("name", "?"), _fmt(r.get("value", ""), unit), baseline,
                     f"{ratio:.2f}×" if isinstance(ratio, (int, float)) else "", ", ".join(target)))
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, tuple("-" * w for w in widths), *rows]:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)))


if __name__ == "__main__":
    sys.exit(main(sys.argv))
