"""Time 按事实生成 for a whole report against plain Jinja2 rendering the same templates.

    python bench/bench_generate.py [--repeat N]

The app's path is DraftProject.generate for the preamble and every statutory
part of a 2024 report with all fourteen sub-areas and a typical fact set:
the guarded sandbox (range budget, size checks, time checks), the facts
merged with computed rates, the part text turned into blocks and the facts
snapshot for regeneration offers. The baseline, measured in the same run, is
a plain ``jinja2.Environment`` (same filters, no sandbox) rendering the same
templates with the same context, nothing else. Prints medians for the first generation in a fresh
process (templates compiled then) and for repeated generation, their ratios
(target ≤ 3×; the absolute figure is what the writer feels), then, last, a JSON list
of both figures for bench/run.py.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

TARGET_RATIO = 3.0
PARTS = ("preamble", "measures", "shortcomings", "leader_duty", "plans", "other")

_SETUP = """
import sys, time
sys.path.insert(0, {root!r})
from drafting.data.areas import load_areas
from drafting.writing.new_report import new_report
from drafting.project import DraftProject
from tests.drafting.typical_facts import TYPICAL_RAW_FACTS
project = DraftProject(new_report("某某镇人民政府", 2024, "县委、县政府", areas=[a.id for a in load_areas()]))
for fact_id, raw in TYPICAL_RAW_FACTS.items():
    project.set_fact(fact_id, raw)
PARTS = {parts!r}
"""

_APP = """
def run():
    for part_id in PARTS:
        project.generate(part_id)
"""

_BARE = """
import jinja2
from drafting import paths
from drafting.writing.render import PART_TEMPLATES, join_paragraphs, selected_areas, template_context
env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(paths.templates_dir())), trim_blocks=True,
                         lstrip_blocks=True, keep_trailing_newline=True)
from drafting.writing.sandbox import FILTERS
env.filters.update(FILTERS)
context = template_context(project.report)
def run():
    for part_id in PARTS:
        join_paragraphs(env.get_template(PART_TEMPLATES[part_id]).render(**context))
        if part_id == "measures":
            for area in selected_areas(project.report):
                join_paragraphs(env.get_template(area.template).render(**context, area_has_facts=True, area_heading=""))
"""

_TIMED = """
started = time.perf_counter()
run()
first = (time.perf_counter() - started) * 1000
warm = []
for _ in range({repeat}):
    started = time.perf_counter()
    run()
    warm.append((time.perf_counter() - started) * 1000)
warm.sort()
print(first, warm[len(warm) // 2])
"""


def _measure(body: str, repeat: int) -> tuple[float, float]:
    """(first generation, median of repeated generations) in ms, in a fresh process."""
    code = _SETUP.format(root=str(REPO_ROOT), parts=PARTS) + body + _TIMED.format(repeat=repeat)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO_ROOT)
    first, warm = result.stdout.strip().splitlines()[-1].split()
    return float(first), float(warm)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--processes", type=int, default=3)
    args = parser.parse_args(argv)
    app = [_measure(_APP, args.repeat) for _ in range(args.processes)]
    bare = [_measure(_BARE, args.repeat) for _ in range(args.processes)]
    figures = []
    for index, (label, name) in enumerate((("首次生成（含编译模板）", "generate_first"), ("再次生成", "generate_warm"))):
        value = statistics.median(run[index] for run in app)
        baseline = statistics.median(run[index] for run in bare)
        ratio = value / baseline if baseline else float("inf")
        print(f"{label}：本软件 {value:.1f} ms，纯 Jinja2 {baseline:.1f} ms，比值 {ratio:.2f}（目标 ≤ {TARGET_RATIO}）")
        figures.append({
            "name": name, "value": round(value, 1), "baseline": round(baseline, 1), "unit": "ms",
            "ratio": round(ratio, 2), "target_ratio": TARGET_RATIO, "baseline_name": "plain jinja2.Environment",
            "extra": {"parts": len(PARTS), "areas": 14, "time": time.strftime("%Y-%m-%d %H:%M:%S")},
        })
    print(json.dumps(figures, ensure_ascii=False))  # last line: the list of figures for bench/run.py
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
