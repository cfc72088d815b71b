"""Checklist speed: checking the largest sample report, warm, against jieba segmenting the same text.

    python bench/bench_check.py

In one run:
  - jieba's one-time load, reported separately: in a fresh process without a cache (the very
    first start) and in a fresh process with the cache present (every later start);
  - baseline: jieba segmentation of every paragraph of the largest sample (median of N runs);
  - value: the whole default checklist on the same report (rules compiled once, median of N runs).
Prints the figures and, last, one JSON object for bench/run.py (target: ≤ 5× and < 50 ms).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))
from bench.shared_data import SAMPLES  # noqa: E402

RUNS = 30
TARGET_RATIO = 5.0
TARGET_MS = 50.0

_LOAD_CODE = (
    "import time, sys\n"
    f"sys.path.insert(0, {str(REPO_ROOT)!r})\n"
    "from drafting.checklist import segment\n"
    "start = time.perf_counter()\n"
    "segment.tokenizer()\n"
    "print(time.perf_counter() - start)\n"
)


def _load_seconds(env: dict[str, str]) -> float:
    result = subprocess.run([sys.executable, "-c", _LOAD_CODE], capture_output=True, text=True, env=env, timeout=300)
    if result.returncode != 0:
        raise SystemExit(result.stderr)
    return float(result.stdout.strip().splitlines()[-1])


def _median(function) -> float:
    function()  # warm up
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="bench-check-") as data_dir:
        # A private data folder: the benchmark never touches the user's profile or jieba cache.
        os.environ["FAZHI_DATA_DIR"] = data_dir
        env = {**os.environ, "FAZHI_DATA_DIR": data_dir}
        load_cold = _load_seconds(env)
        load_cached = _load_seconds(env)

        from drafting.checklist import default_checklist, segment
        from drafting.reading.text_reader import read_text_report

        sample = max(SAMPLES.glob("*.txt"), key=lambda p: p.stat().st_size)
        report = read_text_report(sample)
        texts = [block.text for _part, block in report.iter_blocks()]
        segment.tokenizer()
        checklist = default_checklist()

        baseline = _median(lambda: [segment.spans(text) for text in texts])
        value = _median(lambda: checklist.run(report))
        findings = len(checklist.run(report))

    ratio = value / baseline
    chars = sum(len(t) for t in texts)
    print(f"样本：{sample.name}（{chars} 字，{len(texts)} 段，{findings} 条检查结果）")
    print(f"jieba 首次加载（无缓存）：{load_cold * 1000:.0f} ms；之后每次启动（有缓存）：{load_cached * 1000:.0f} ms")
    print(f"jieba 分词全文（基线）：{baseline * 1000:.2f} ms")
    print(f"整份检查清单（预热后）：{value * 1000:.2f} ms，为基线的 {ratio:.2f} 倍（目标 ≤ {TARGET_RATIO:g} 倍且 < {TARGET_MS:g} ms）")
    print(
        json.dumps(
            {
                "name": "check_largest_sample",
                "value": round(value * 1000, 2),
                "baseline": round(baseline * 1000, 2),
                "unit": "ms",
                "ratio": round(ratio, 2),
                "target_ratio": TARGET_RATIO,
                "target_abs": TARGET_MS,
                "baseline_name": "jieba 分词同一文本",
                "extra": {
                    "sample": sample.name,
                    "chars": chars,
                    "findings": findings,
                    "jieba_load_cold_ms": round(load_cold * 1000, 1),
                    "jieba_load_cached_ms": round(load_cached * 1000, 1),
                    "runs": RUNS,
                },
            },
            ensure_ascii=False,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
