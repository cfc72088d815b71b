"""Time exporting the largest sample against bare python-docx writing the same paragraphs.

    python bench/bench_export.py [--repeat N]

The app's path is what ``python main.py export`` does after start-up: read the
.txt (decode, recognise structure), build the GB/T 9704 document (styles from
templates/layout.yml, title split, footers with PAGE fields) and save it
atomically. The baseline, measured in the same run, is the least any exporter
must do: ``Document()``, one ``add_paragraph`` per non-empty line, ``save``.
Prints both medians and their ratio (target ≤ 2×), then one JSON line for
bench/run.py.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

import docx  # noqa: E402

from bench.shared_data import SAMPLES  # noqa: E402
from drafting.export.writer import write_docx  # noqa: E402
from drafting.reading.text_reader import read_text_report  # noqa: E402

SAMPLE = SAMPLES / "dasi-2021.txt"
TARGET_RATIO = 2.0


def app_export(source: Path, target: Path) -> None:
    write_docx(read_text_report(source), target)


def bare_export(source: Path, target: Path) -> None:
    document = docx.Document()
    for line in source.read_text(encoding="utf-8-sig").splitlines():
        if line.strip():
            document.add_paragraph(line.strip())
    document.save(str(target))


def _median_seconds(function, source: Path, target: Path, repeat: int) -> list[float]:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function(source, target)
        times.append(time.perf_counter() - started)
    return times


_COLD = """
import sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
import docx
from bench.bench_export import app_export, bare_export
started = time.perf_counter()
{function}(Path({source!r}), Path({target!r}))
print((time.perf_counter() - started) * 1000)
"""


def _cold_ms(function: str, target: Path, repeat: int) -> float:
    """One export in a fresh process (imports done, nothing parsed or built yet): the CLI's case."""
    code = _COLD.format(root=str(REPO_ROOT), function=function, source=str(SAMPLE), target=str(target))
    times = []
    for _ in range(repeat):
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO_ROOT)
        times.append(float(result.stdout.strip().splitlines()[-1]))
    return statistics.median(times)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-export-") as folder:
        app_target = Path(folder) / "app.docx"
        bare_target = Path(folder) / "bare.docx"
        # Warm up both (imports, the layout file in the page cache), then alternate the runs
        # so that both see the same machine load.
        app_export(SAMPLE, app_target)
        bare_export(SAMPLE, bare_target)
        app_times: list[float] = []
        bare_times: list[float] = []
        for _ in range(args.repeat):
            app_times += _median_seconds(app_export, SAMPLE, app_target, 1)
            bare_times += _median_seconds(bare_export, SAMPLE, bare_target, 1)
        paragraphs = len(docx.Document(str(app_target)).paragraphs)
        cold_app = _cold_ms("app_export", app_target, 7)
        cold_bare = _cold_ms("bare_export", bare_target, 7)
    app_ms = statistics.median(app_times) * 1000
    bare_ms = statistics.median(bare_times) * 1000
    ratio = app_ms / bare_ms
    print(f"样本：{SAMPLE.name}（{SAMPLE.stat().st_size / 1024:.1f} KB，导出 {paragraphs} 段），各重复 {args.repeat} 次")
    print(f"本程序导出（读取 + 排版 + 原子保存）中位数：{app_ms:.1f} ms")
    print(f"python-docx 直接逐段写入（基准）中位数：{bare_ms:.1f} ms")
    print(f"比值：{ratio:.2f}×（目标 ≤ {TARGET_RATIO:g}×）{'达标' if ratio <= TARGET_RATIO else '未达标'}")
    print(
        f"新进程中的第一次导出（命令行的情形，含读取版式文件和建立样式）：本程序 {cold_app:.1f} ms，"
        f"基准 {cold_bare:.1f} ms，比值 {cold_app / cold_bare:.2f}×"
    )
    print(
        json.dumps(
            {
                "name": "export dasi-2021.txt to .docx",
                "value": round(app_ms, 2),
                "baseline": round(bare_ms, 2),
                "baseline_name": "bare python-docx",
                "unit": "ms",
                "ratio": round(ratio, 3),
                "target_ratio": TARGET_RATIO,
                "extra": {
                    "repeat": args.repeat,
                    "paragraphs": paragraphs,
                    "cold_ms": round(cold_app, 2),
                    "cold_baseline_ms": round(cold_bare, 2),
                    "cold_ratio": round(cold_app / cold_bare, 3),
                },
            },
            ensure_ascii=False,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
