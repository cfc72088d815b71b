"""End to end through the core, as the window will drive it: new report for 2024, facts for every
part, generate every part, save, load, the text is there, export to Word."""

from __future__ import annotations

import re
from pathlib import Path

from drafting.data.areas import areas_for_year
from drafting.export.writer import write_docx
from drafting.model import STATUTORY
from drafting.project import DraftProject
from drafting.reading.sources import load_source
from drafting.writing.new_report import new_report
from tests.drafting.typical_facts import TYPICAL_RAW_FACTS


def test_new_report_to_saved_draft_to_word(tmp_path: Path) -> None:
    report = new_report("某某镇人民政府", 2024, "县委、县政府", areas=[a.id for a in areas_for_year(2024)])
    project = DraftProject(report)
    for fact_id, raw in TYPICAL_RAW_FACTS.items():
        assert project.set_fact(fact_id, raw) is None, fact_id
    assert project.fact_problems() == {}
    for part_id in ("preamble", *STATUTORY):
        project.generate(part_id)
    # The writer edits one part after generating it.
    edited = project.part_text("leader_duty") + "\n全年未发生领导干部违法干预执法的情况。"
    project.set_part_text("leader_duty", edited)
    path = project.save(tmp_path / "2024年度报告.fzbg")

    reopened = DraftProject.open(path)
    assert reopened.part_text("leader_duty") == edited
    for part_id in ("preamble", *STATUTORY):
        assert reopened.part_text(part_id) == project.part_text(part_id)
    loaded = load_source(path)
    assert [p.heading for p in loaded.parts if p.heading] == [
        "一、主要举措和成效", "二、存在的不足和原因", "三、党政主要负责人履行推进法治建设第一责任人职责情况",
        "四、下一年度推进法治政府建设的主要安排", "五、其他需要报告的情况",
    ]
    measures = loaded.part("measures")
    assert measures is not None and sum(1 for b in measures.blocks if b.level == 2) == len(areas_for_year(2024))
    assert loaded.facts["training_sessions"] == 12

    import docx

    out = tmp_path / "报告.docx"
    write_docx(reopened.report, out)
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "全年未发生领导干部违法干预执法的情况。" in text
    assert re.search(r"法治培训12场，参训干部460人次。", text)
    assert "某某镇人民政府关于2024年度法治政府建设情况的报告" in text.replace("\n", "")
    assert "现将有关情况报告如下：" in text
