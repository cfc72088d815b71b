"""Peak memory of the window with a report open, against a bare PySide6 window, in the same run.

    python bench/bench_memory.py [--processes N]

Each figure is the peak resident set size (ru_maxrss) of a fresh process, offscreen unless a
DISPLAY is set, with a private data folder:
  - value: ui.main_window.MainWindow with a generated 2024 report (all fourteen sub-areas, the
    typical fact set, every part generated) on the 主要举措和成效 step, its findings computed by
    the findings panel, jieba loaded;
  - baseline: a bare QMainWindow with a label, the same Qt modules (QtCore, QtGui, QtWidgets);
  - extra: the window on its start page (no report), for where the memory goes.
Prints the medians and, last, one JSON object for bench/run.py (target: under 300 MB).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
TARGET_MB = 300.0

_PEAK = """
import resource
def report(**extra):
    import json
    rss = 0
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1])
    print(json.dumps({"peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "rss_kb": rss, **extra}))
"""

BARE = _PEAK + """
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication([])
window = QMainWindow()
window.setCentralWidget(QLabel("bare PySide6 window"))
window.resize(1300, 820)
window.show()
for _ in range(20):
    app.processEvents()
report()
"""

START_PAGE = _PEAK + """
import sys
sys.path.insert(0, ROOT_PATH)
from PySide6.QtWidgets import QApplication
app = QApplication([])
from ui.main_window import MainWindow
window = MainWindow()
window.show()
for _ in range(20):
    app.processEvents()
report()
"""

WITH_REPORT = _PEAK + """
import sys, time
sys.path.insert(0, ROOT_PATH)
from PySide6.QtWidgets import QApplication
app = QApplication([])
from ui.main_window import MainWindow
window = MainWindow()
window.show()
app.processEvents()
from drafting.checklist import segment
from drafting.data.areas import load_areas
from drafting.writing.new_report import new_report
from drafting.project import DraftProject
from tests.drafting.typical_facts import TYPICAL_RAW_FACTS
project = DraftProject(new_report("清河镇人民政府", 2024, "县委、县政府", areas=[a.id for a in load_areas()]))
for fact_id, raw in TYPICAL_RAW_FACTS.items():
    project.set_fact(fact_id, raw)
for part_id in ("preamble", "measures", "shortcomings", "leader_duty", "plans", "other"):
    project.generate(part_id)
window.set_project(project)
window.step_pages.show_step("measures")
segment.tokenizer()
panel = window.findings_dock.panel
found = []
panel.findings_changed.connect(found.append)
panel.check_now()
deadline = time.monotonic() + 60
while not found and time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.01)
if not found:
    raise SystemExit("the findings panel did not finish checking within 60 s")
for _ in range(20):
    app.processEvents()
page = window.step_pages.current_page()
report(findings=len(found[-1]), step=page.step.id if page else None, jieba=segment.is_loaded())
"""


def _measure(code: str, env: dict[str, str]) -> dict:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=REPO_ROOT,
                            timeout=300)
    if result.returncode != 0:
        raise SystemExit(result.stderr[-3000:])
    return json.loads(result.stdout.strip().splitlines()[-1])


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, default=3)
    args = parser.parse_args(argv)
    root = str(REPO_ROOT)
    runs: dict[str, list[dict]] = {"bare": [], "start": [], "report": []}
    with tempfile.TemporaryDirectory(prefix="bench-memory-") as data_dir:
        env = {**os.environ, "FAZHI_DATA_DIR": data_dir, "FAZHI_NO_WARMUP": "1"}
        if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
            env["QT_QPA_PLATFORM"] = "offscreen"
        _measure(WITH_REPORT.replace("ROOT_PATH", repr(root)), env)  # builds jieba's cache, as any earlier start would
        for _ in range(args.processes):  # interleaved, so all three see the same machine load
            runs["bare"].append(_measure(BARE, env))
            runs["start"].append(_measure(START_PAGE.replace("ROOT_PATH", repr(root)), env))
            runs["report"].append(_measure(WITH_REPORT.replace("ROOT_PATH", repr(root)), env))
    peak = {name: statistics.median(r["peak_kb"] for r in rs) / 1024 for name, rs in runs.items()}
    value, baseline = peak["report"], peak["bare"]
    last = runs["report"][-1]
    print(f"空白 PySide6 窗口（基线）峰值内存：{baseline:.0f} MB")
    print(f"本程序开始页（未打开报告）：{peak['start']:.0f} MB")
    print(f"本程序打开 2024 年生成的报告（{last['step']} 步骤，{last['findings']} 条检查结果，jieba 已加载）："
          f"{value:.0f} MB，比基线多 {value - baseline:.0f} MB（目标 < {TARGET_MB:g} MB）"
          f"{'达标' if value < TARGET_MB else '未达标'}")
    print(json.dumps({
        "name": "window_peak_memory",
        "value": round(value, 1),
        "baseline": round(baseline, 1),
        "unit": "MB",
        "ratio": round(value / baseline, 2),
        "target_abs": TARGET_MB,
        "baseline_name": "bare PySide6 window",
        "extra": {"start_page_mb": round(peak["start"], 1), "findings": last["findings"], "step": last["step"],
                  "processes": args.processes, "platform": env.get("QT_QPA_PLATFORM", "xcb"),
                  "report_runs_mb": [round(r["peak_kb"] / 1024, 1) for r in runs["report"]]},
    }, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
