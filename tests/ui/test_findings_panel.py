"""The findings panel: grouping, click to jump, 修正, and re-checking a project in the background."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from drafting.checklist import Severity
from drafting.checklist.model import Finding
from drafting.project import DraftProject
from drafting.reading.text_reader import read_text_report
from tests.conftest import report_path
from ui.findings_panel import FINDING_ROLE, FindingsPanel

pytestmark = pytest.mark.gui


def make(rule: str, severity: Severity, part: str | None, line: int | None, match: str = "", fix: str | None = None) -> Finding:
    return Finding(rule, severity, part, line, 1 if line else None, match, f"{rule} 的说明", "建议", fix, 0, 0)


FINDINGS = [
    make("fazhi-term", Severity.ERROR, "plans", 17, "法制观念", "法治观念"),
    make("substance", Severity.INFO, "measures", 5, "（一）"),
    make("heading-numbering", Severity.ERROR, "measures", 4, "1、", "一、"),
    make("causes-missing", Severity.WARNING, "shortcomings", 12),
    make("part-missing", Severity.ERROR, "leader_duty", None),
    make("fact-consistency", Severity.ERROR, None, None),
]


def test_grouped_by_part_then_severity(qtbot) -> None:
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.findings_changed) as blocker:
        panel.set_findings(FINDINGS)
    assert len(blocker.args[0]) == 6
    tops = [panel.tree.topLevelItem(i).text(0) for i in range(panel.tree.topLevelItemCount())]
    assert tops == ["全文（1）", "主要举措和成效（2）", "存在的不足和原因（1）", "第一责任人职责（1）", "下一年度主要安排（1）"]
    measures = panel.tree.topLevelItem(1)
    assert [measures.child(i).text(0) for i in range(measures.childCount())] == ["错误（1）", "提示（1）"]
    rows = panel.finding_items()
    assert [row.data(0, FINDING_ROLE).rule for row in rows] == [
        "fact-consistency", "heading-numbering", "substance", "causes-missing", "part-missing", "fazhi-term"]
    # Without a report to count paragraphs in, no position: never the source file's raw line numbers.
    assert [row.text(1) for row in rows] == [""] * 6 and "行" not in rows[1].toolTip(1)
    assert "错误 4 条" in panel.summary_label.text() and "警告 1 条" in panel.summary_label.text()


def test_fix_button_only_where_there_is_a_fix(qtbot) -> None:
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.set_findings(FINDINGS)
    with_button = [row.data(0, FINDING_ROLE).rule for row in panel.finding_items() if panel.fix_button(row)]
    assert with_button == ["heading-numbering", "fazhi-term"]
    assert panel.fix_button(panel.finding_items()[1]).text() == "修正"


def test_click_emits_the_finding_and_fix_emits_request(qtbot) -> None:
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.set_findings(FINDINGS)
    row = panel.finding_items()[-1]
    panel.tree.scrollToItem(row)
    rect = panel.tree.visualItemRect(row)
    with qtbot.waitSignal(panel.finding_activated) as blocker:
        qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args[0].rule == "fazhi-term" and blocker.args[0].line == 17
    detail = panel.detail_label.text()
    assert panel.detail_label.isVisibleTo(panel)
    assert "fazhi-term 的说明" in detail and "“法制观念”" in detail and "建议" in detail and "法治观念" in detail
    assert "第 17 行" not in detail
    with qtbot.waitSignal(panel.fix_requested) as blocker:
        qtbot.mouseClick(panel.fix_button(row), Qt.MouseButton.LeftButton)
    assert blocker.args[0].fix == "法治观念"


def test_message_column_takes_the_width(qtbot) -> None:
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.resize(320, 500)
    panel.show()
    panel.set_findings(FINDINGS)
    qtbot.waitUntil(lambda: panel.tree.columnWidth(0) > 0)
    # the position and 修正 columns are as narrow as their contents; the message gets the rest
    assert panel.tree.columnWidth(0) > panel.tree.columnWidth(1)
    assert panel.tree.columnWidth(0) + panel.tree.columnWidth(1) + panel.tree.columnWidth(2) <= panel.tree.viewport().width() + 1
    panel.set_findings(FINDINGS[:1])
    assert not panel.detail_label.isVisibleTo(panel)


def test_empty_list(qtbot) -> None:
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.set_findings([])
    assert panel.tree.topLevelItemCount() == 0 and panel.summary_label.text() == "未发现问题。"


def checked_panel(qtbot, name: str = "shangjia-2021"):  # type: ignore[no-untyped-def]
    """A panel bound to a sample report, after its first (debounced, background) check."""
    project = DraftProject(read_text_report(report_path(name)))
    panel = FindingsPanel(project)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.findings_changed, timeout=30000) as blocker:
        panel.refresh()
    return panel, project, blocker.args[0]


def test_project_checked_in_background_and_fixed(qtbot) -> None:
    panel, project, found = checked_panel(qtbot)
    rules = [f.rule for f in found]
    assert "fazhi-term" in rules and "heading-numbering" in rules
    row = next(r for r in panel.finding_items() if r.data(0, FINDING_ROLE).rule == "fazhi-term")
    with qtbot.waitSignal(panel.findings_changed, timeout=30000) as blocker:
        qtbot.mouseClick(panel.fix_button(row), Qt.MouseButton.LeftButton)
    assert project.is_modified
    assert "法治观念" in project.report.part("plans").text and "法制观念" not in project.report.part("plans").text
    assert "fazhi-term" not in [f.rule for f in blocker.args[0]]


def test_stale_fix_is_refused(qtbot) -> None:
    project = DraftProject(read_text_report(report_path("hexi-2021")))
    panel = FindingsPanel(project)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.findings_changed, timeout=30000):
        panel.check_now()
    row = next(r for r in panel.finding_items() if r.data(0, FINDING_ROLE).rule == "fazhi-term")
    block = project.report.part("plans").blocks[-1]
    block.text = block.text.replace("法制观念", "思想观念")
    qtbot.mouseClick(panel.fix_button(row), Qt.MouseButton.LeftButton)
    assert not project.is_modified and "无法自动修正" in panel.summary_label.text()


def test_set_project_and_closing_mid_check(qtbot) -> None:
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    assert not panel.recheck_button.isEnabled()
    with qtbot.waitSignal(panel.findings_changed, timeout=30000, check_params_cb=lambda f: len(f) > 0) as blocker:
        panel.set_project(DraftProject(read_text_report(report_path("songlin-2021"))))
    assert "fazhi-term" in {f.rule for f in blocker.args[0]} and panel.recheck_button.isEnabled()
    # a panel closed while its check runs: the result arrives later and goes nowhere
    other = FindingsPanel(DraftProject(read_text_report(report_path("qingshui-2021"))))
    other.check_now()
    other.deleteLater()
    from ui.workers import wait_for_jobs

    assert wait_for_jobs(30000)


def test_recheck_reads_a_county_rule_file_added_meanwhile(qtbot) -> None:
    from drafting import paths

    panel, _project, found = checked_panel(qtbot)
    assert "fazhi-term" in [f.rule for f in found]
    folder = paths.user_checklists_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "本县.yml").write_text("version: 1\nrules:\n  - id: fazhi-term\n    enabled: false\n", encoding="utf-8")
    with qtbot.waitSignal(panel.findings_changed, timeout=30000) as blocker:
        qtbot.mouseClick(panel.recheck_button, Qt.MouseButton.LeftButton)
    assert "fazhi-term" not in [f.rule for f in blocker.args[0]]
    assert "heading-numbering" in [f.rule for f in blocker.args[0]]
