"""County review: ``review`` of 100 reports beside 100 single ``check`` runs, in one process.

    python bench/bench_review.py [--reports N]

The 100 reports are the three real samples copied with changes, as a county's townships copy each
other: each copy under another township's name, every figure changed, a quarter of its paragraphs
dropped and some sentences reworded; every tenth is a Word file. They are written first, untimed.

In one fresh process (a private data folder, jieba's dictionary loaded once before timing):
  - baseline: for each file, what ``check`` does: read it and run the compiled default checklist;
  - value: the whole review of the folder as the CLI runs it: read and check every file (in forked
    workers, one per core, where the platform forks), fingerprint and compare the paragraphs, measure
    the reports, and write the workbook (审阅汇总.xlsx).
Each is run three times, alternating (baseline, review, baseline, ...), and the fastest run of each
counts. Target: value ≤ 1.5 × baseline. Prints the figures and, last, one JSON object for bench/run.py.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))
from bench.shared_data import SAMPLES  # noqa: E402

TARGET_RATIO = 1.5
TOWNS = "东西南北中上下前后新老大小高长平安和兴福"
ENDINGS = ("镇", "乡", "街道")
SAMPLE_ORGS = ("太公镇", "商家镇", "大寺镇")
REWORD = (("进一步", "持续"), ("切实", "扎实"), ("不断", "持续"), ("全面", "深入"), ("加强", "强化"))


def township(index: int) -> str:
    return f"{TOWNS[index % len(TOWNS)]}{TOWNS[(index * 7 + 3) % len(TOWNS)]}{ENDINGS[index % len(ENDINGS)]}"


def variant(text: str, name: str, rng: random.Random) -> str:
    """The sample under another name, figures changed, a quarter of its body paragraphs dropped and
    some words swapped."""
    for org in SAMPLE_ORGS:
        text = text.replace(org, name)
    text = re.sub(r"\d+", lambda m: m.group(0) if len(m.group(0)) == 4 else str(max(1, int(int(m.group(0))
                                                                                          * rng.uniform(0.5, 1.8)))),
                  text)
    lines = text.splitlines()
    kept = [line for index, line in enumerate(lines)
            if index < 4 or len(line) < 60 or rng.random() > 0.25]
    out = []
    for line in kept:
        if len(line) >= 60 and rng.random() < 0.3:
            old, new = rng.choice(REWORD)
            line = line.replace(old, new)
        out.append(line)
    return "\n".join(out) + "\n"


def build_folder(folder: Path, count: int) -> None:
    from drafting.export.writer import write_docx
    from drafting.reading.text_reader import parse_text_report

    rng = random.Random(2026)
    samples = sorted(SAMPLES.glob("*.txt"))
    texts = [path.read_text(encoding="utf-8-sig") for path in samples]
    for path, text in zip(samples, texts, strict=True):
        (folder / path.name).write_text(text, encoding="utf-8")
    for index in range(count - len(samples)):
        name = township(index)
        text = variant(texts[index % len(texts)], name, rng)
        if index % 10 == 9:
            write_docx(parse_text_report(text), folder / f"{index:03d}-{name}.docx")
        else:
            (folder / f"{index:03d}-{name}.txt").write_text(text, encoding="utf-8")


_CHILD = """
import json, sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
from drafting.checklist import default_checklist, segment
from drafting.reading.sources import load_source
from drafting.review.batch import report_files, review_paths
from drafting.review.workbook import write_workbook
segment.tokenizer()
ROUNDS = 3
folder = Path({folder!r})
files = report_files(folder)

def checks():
    started = time.perf_counter()
    checklist = default_checklist()
    count = sum(len(checklist.run(load_source(path))) for path in files)
    return time.perf_counter() - started, count

def review():
    started = time.perf_counter()
    result = review_paths(files, checklist=default_checklist(), processes=True)  # as the CLI runs it
    write_workbook(result, Path({out!r}))
    elapsed = time.perf_counter() - started
    shared = sum(len(result.copying.pairs[key]) for key in result.cross_township_pairs())
    return elapsed, shared, len(result.cross_township_pairs())

rounds = [(checks(), review()) for _ in range(ROUNDS)]  # alternating: a burst of load hits both alike
baseline, findings = min(check for check, _review in rounds)
value, shared, pairs = min(run for _check, run in rounds)
print(json.dumps({{"baseline": baseline, "value": value, "findings": findings, "shared": shared, "pairs": pairs,
                  "files": len(files)}}))
"""


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=100)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-review-") as tmp:
        folder = Path(tmp) / "各乡镇报告"
        folder.mkdir()
        data_dir = Path(tmp) / "data"
        env = {**os.environ, "FAZHI_DATA_DIR": str(data_dir)}
        build_folder(folder, args.reports)
        code = _CHILD.format(root=str(REPO_ROOT), folder=str(folder), out=str(Path(tmp) / "审阅汇总.xlsx"))
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                                cwd=REPO_ROOT, timeout=900)
        if result.returncode != 0:
            raise SystemExit(result.stderr)
        run = json.loads(result.stdout.strip().splitlines()[-1])
    value, baseline = run["value"], run["baseline"]
    ratio = value / baseline
    print(f"{run['files']} 份报告（3 份样本及其改名、改数字、删改段落的副本，每十份一份 .docx）")
    print(f"100 次单独检查（读取 + 检查清单，基线）：{baseline:.2f} s，共 {run['findings']} 条问题")
    print(f"整个审阅（读取、检查、指纹比对、写出工作簿）：{value:.2f} s，为基线的 {ratio:.2f} 倍"
          f"（目标 ≤ {TARGET_RATIO:g} 倍）{'达标' if ratio <= TARGET_RATIO else '未达标'}；"
          f"雷同段落 {run['shared']} 处，{run['pairs']} 对报告")
    print(json.dumps({
        "name": "review_100_reports",
        "value": round(value, 3),
        "baseline": round(baseline, 3),
        "unit": "s",
        "ratio": round(ratio, 2),
        "target_ratio": TARGET_RATIO,
        "baseline_name": "100 次单独检查",
        "extra": {"files": run["files"], "findings": run["findings"], "shared_paragraphs": run["shared"],
                  "pairs": run["pairs"]},
    }, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
