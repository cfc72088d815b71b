"""Make the README's example: a 2024 report generated from typical facts, exported and rendered.

    python docs/make_example.py

Writes docs/example-2024-page-1.png to -page-3.png (needs LibreOffice and pdftoppm).
The facts are the ones the end-to-end tests type in (tests/drafting/typical_facts.py), with a few
practices ticked and one typical case.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafting.data.areas import areas_for_year  # noqa: E402
from drafting.export.pdf import docx_to_pdf  # noqa: E402
from drafting.export.writer import write_docx  # noqa: E402
from drafting.model import STATUTORY  # noqa: E402
from drafting.project import DraftProject  # noqa: E402
from drafting.writing.new_report import new_report  # noqa: E402
from tests.drafting.typical_facts import TYPICAL_RAW_FACTS  # noqa: E402

#: What the example township ticked, and its one typical case.
EXAMPLE_TICKS = {
    "leader_duty": ["duty_list", "year_end_report"],
    "study": ["pre_meeting_study", "court_visit"],
    "enforcement": ["three_systems", "case_review"],
    "disputes": ["fengqiao", "screening"],
    "pufa": ["villages", "literates"],
}
EXAMPLE_CASE = "东岗村两户因宅基地边界发生纠纷，镇调委会联合村法律顾问现场测量、释法说理，双方当场签订调解协议"


def main() -> int:
    report = new_report("清河镇人民政府", 2024, "县委、县政府", areas=[a.id for a in areas_for_year(2024)][:6])
    project = DraftProject(report)
    for fact_id, raw in TYPICAL_RAW_FACTS.items():
        project.set_fact(fact_id, raw)  # a figure for an area not picked picks it
    project.set_fact("shortcoming_items", TYPICAL_RAW_FACTS["shortcoming_items"].replace(
        "合法性审查力量薄弱", "合法性审查力量薄弱——缺少法律专业人员，审查主要依靠外聘法律顾问"))
    project.set_fact("plan_items", TYPICAL_RAW_FACTS["plan_items"] + "\n充实合法性审查力量——与律师事务所建立合法性审查联审机制")
    for group, ticked in EXAMPLE_TICKS.items():
        project.set_choices("practices", group, ticked)
    project.set_choices("cases", "disputes", [EXAMPLE_CASE])
    for part_id in ("preamble", *STATUTORY):
        project.generate(part_id)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "example-2024.docx"
        write_docx(project.report, out)
        pdf = docx_to_pdf(out, Path(tmp))
        subprocess.run(
            ["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "3", str(pdf), str(ROOT / "docs" / "example-2024-page")],
            check=True,
        )
    print("written docs/example-2024-page-1.png … -page-3.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
