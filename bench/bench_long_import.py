"""Import time of long .txt reports (issue 15): 2,500 / 10,000 / 20,000 paragraphs, to show linear growth.

    python bench/bench_long_import.py

For each size, in the same run:
  - baseline: splitting the text into paragraphs (drafting.reading.text_reader.split_paragraphs),
    which is linear by construction;
  - value: what the import verb and 从去年的报告开始 do (drafting.lastyear.carryover.read_last_year and
    start_new_year: decode, clean, recognise structure, carry into the next year).
Growth is linear when the value's time per paragraph stays flat as the size grows (extra.us_per_paragraph).
Prints a line per size and, last, a JSON list for bench/run.py.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))
from drafting.lastyear.carryover import read_last_year, start_new_year  # noqa: E402
from drafting.reading.text_reader import split_paragraphs  # noqa: E402
from tests.hostile_attacks import long_report  # noqa: E402

SIZES = ({"name": "import_2500_paragraphs", "paragraphs": 2_500},
         {"name": "import_10000_paragraphs", "paragraphs": 10_000},
         {"name": "import_20000_paragraphs", "paragraphs": 20_000})


def _timed(function, *args) -> float:  # noqa: ANN001
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


def _import(path: Path) -> None:
    start_new_year(read_last_year(path), 2025, path.name)


def main() -> int:
    figures = []
    with tempfile.TemporaryDirectory() as folder:
        for figure_name, size in ((entry["name"], int(entry["paragraphs"])) for entry in SIZES):
            path = long_report(Path(folder), size)
            text = path.read_text(encoding="utf-8")
            baseline = min(_timed(split_paragraphs, text) for _ in range(3))
            value = min(_timed(_import, path) for _ in range(2))
            per = value / size * 1e6
            print(f"{size:>6} 段：导入 {value:.2f} s（每段 {per:.0f} µs），仅分段 {baseline * 1000:.0f} ms")
            figures.append({"name": figure_name, "value": round(value, 3), "baseline": round(baseline, 4),
                            "unit": "s", "ratio": round(value / baseline, 1), "baseline_name": "split_paragraphs",
                            "extra": {"us_per_paragraph": round(per, 1)}})
    print(json.dumps(figures, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
