"""Import speed: our .docx importer against bare python-docx reading the same file, in the same run.

    python bench/bench_import.py

Takes the largest .docx among the real fixtures and an exported sample (the
largest sample report written by drafting.export.writer when it is present).
Measures, for each, the median of N runs of
  - baseline: ``docx.Document(path)`` and every paragraph's text (no numbering, no tables);
  - value: drafting.reading.word.reader.read_docx_report (zip checks, numbering, tables, structure).
Prints a line per file and, last, one JSON object for bench/run.py (target ratio ≤ 3).
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))
from bench.shared_data import FIXTURES, SAMPLES  # noqa: E402

RUNS = 15
TARGET_RATIO = 3.0


def _median(function, path: Path) -> float:
    function(path)  # warm up: imports, caches
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        function(path)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _bare(path: Path) -> list[str]:
    import docx

    return [p.text for p in docx.Document(str(path)).paragraphs]


def _ours(path: Path) -> object:
    from drafting.reading.word.reader import read_docx_report

    return read_docx_report(path)


def _candidates(folder: Path) -> list[Path]:
    files = sorted(FIXTURES.glob("*.docx"), key=lambda p: p.stat().st_size, reverse=True)[:1]
    try:
        from drafting.export.writer import write_docx
        from drafting.reading.sources import load_source
    except ImportError:
        return files
    samples = sorted(SAMPLES.glob("*.txt"), key=lambda p: p.stat().st_size, reverse=True)[:1]
    for sample in samples:
        target = folder / f"{sample.stem}.docx"
        write_docx(load_source(sample), target)
        files.append(target)
    return files


def _hostile(folder: Path) -> dict[str, float]:
    """Milliseconds to refuse a 300 MB zip bomb and 200 000 nested elements (each a clear error)."""
    import io
    import zipfile

    from drafting.errors import DraftingError

    files = {}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive, \
            archive.open("word/document.xml", "w", force_zip64=True) as member:
        for _ in range(300):
            member.write(b"<" * (1024 * 1024))
    files["refuse_zip_bomb_ms"] = buffer.getvalue()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:body>" + "<w:sdt>" * 200_000 + "</w:sdt>" * 200_000 + "</w:body>")
    files["refuse_deep_nesting_ms"] = buffer.getvalue()
    timings = {}
    for key, data in files.items():
        path = folder / f"{key}.docx"
        path.write_bytes(data)
        start = time.perf_counter()
        try:
            _ours(path)
        except DraftingError:
            pass
        else:
            raise SystemExit(f"{key}: the hostile file was not refused")
        timings[key] = round((time.perf_counter() - start) * 1000, 1)
    return timings


def main() -> int:
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-import-") as folder:
        hostile = _hostile(Path(folder))
        print(f"拒绝恶意文件：{hostile}")
        for path in _candidates(Path(folder)):
            baseline = _median(_bare, path)
            value = _median(_ours, path)
            results.append((path.name, path.stat().st_size, value, baseline))
            print(f"{path.name}（{path.stat().st_size // 1024} KB）：导入 {value * 1000:.1f} ms，"
                  f"python-docx 读段落 {baseline * 1000:.1f} ms，倍数 {value / baseline:.2f}")
    name, size, value, baseline = max(results, key=lambda r: r[1])
    print(json.dumps({
        "name": "import_largest_docx",
        "value": round(value * 1000, 2),
        "baseline": round(baseline * 1000, 2),
        "unit": "ms",
        "ratio": round(value / baseline, 2),
        "target_ratio": TARGET_RATIO,
        "baseline_name": "python-docx Document() + paragraph texts",
        "extra": {"file": name, "bytes": size, "runs": RUNS, **hostile,
                  "all": {r[0]: {"ms": round(r[2] * 1000, 2), "baseline_ms": round(r[3] * 1000, 2)} for r in results}},
    }, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
