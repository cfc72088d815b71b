"""Run every benchmark and print each figure beside its baseline, as a table and as JSON.

    python bench/run.py            all benchmarks
    python bench/run.py export     only those whose name contains "export"

Each bench/bench_*.py script measures its figures, each beside a baseline taken in the same run,
and prints as its LAST stdout line either one JSON object (one figure) or a JSON list of them.
A figure has at least: name, value, baseline, unit, ratio, and optionally target_ratio,
target_abs, baseline_name, extra. This script only collects them, and says which of the figures
issue 6 (and later issues) ask for (EXPECTED) are missing: then it exits 1.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO_ROOT = BENCH_DIR.parent


#: Figure names issue 6 (and later issues) ask for (bench_generate's figures come on top).
EXPECTED = (
    "startup_to_window",
    "check_largest_sample",
    "batch_check_100_reports",
    "export dasi-2021.txt to .docx",
    "import_largest_docx",
    "window_peak_memory",
    "review_100_reports",  # issue 16: the county review beside 100 single checks
    # issue 15
    "import_2500_paragraphs",
    "import_10000_paragraphs",
    "import_20000_paragraphs",
    "event_loop_longest_gap_under_attack",
    "event_loop_longest_gap_slow_regex",
)
REQUIRED_KEYS = ("name", "value", "baseline", "unit")


def _last_json_line(text: str) -> list[dict]:
    """The figures on the last non-empty stdout line: one JSON object or a list of them."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return []
    try:
        data = json.loads(lines[-1])
    except ValueError:
        return []
    figures = data if isinstance(data, list) else [data]
    return [f for f in figures if isinstance(f, dict) and all(key in f for key in REQUIRED_KEYS)]


def main(argv: list[str]) -> int:
    if any(arg in ("-h", "--help") for arg in argv[1:]):
        sys.stdout.write("用法：python bench/run.py [名称片段 ...]\n运行 bench/ 中名称含所给片段的基准脚本"
                         "（不给时全部运行），打印每项数字、同一次运行中测得的基线、比值和目标。\n")
        return 0
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
    if not wanted:
        names = {r.get("name") for r in results}
        failures += [f"缺少数据：{name}" for name in EXPECTED if name not in names]
    for failure in failures:
        sys.stderr.write(f"失败：{failure}\n")
    return 1 if failures else 0


def _fmt(value: object, unit: str) -> str:
    if isinstance(value, float):
        return f"{value:.3g} {unit}".strip()
    return f"{value} {unit}".strip()


def _met(figure: dict) -> str:
    """达标 when every target the figure names is met, 未达标 otherwise, empty without a target."""
    checks = []
    if isinstance(figure.get("target_ratio"), (int, float)) and isinstance(figure.get("ratio"), (int, float)):
        checks.append(figure["ratio"] <= figure["target_ratio"])
    if isinstance(figure.get("target_abs"), (int, float)) and isinstance(figure.get("value"), (int, float)):
        checks.append(figure["value"] <= figure["target_abs"])
    if not checks:
        return ""
    return "达标" if all(checks) else "未达标"


def _print_table(results: list[dict]) -> None:
    header = ("figure", "value", "baseline", "ratio", "target", "met")
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
                     f"{ratio:.2f}×" if isinstance(ratio, (int, float)) else "", ", ".join(target),
                     _met(r)))
    widths = [max(_width(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, tuple("-" * w for w in widths), *rows]:
        print("  ".join(str(cell) + " " * (width - _width(str(cell)))
                        for cell, width in zip(row, widths, strict=True)).rstrip())


def _width(text: str) -> int:
    """Columns on a terminal: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
