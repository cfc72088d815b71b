"""Before export the window says how many errors are still open and asks; after it, offers to open the file.

Dialogs are patched (the Recorder of test_main_window): no modal box opens.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from drafting.project import DraftProject
from drafting.reading.text_reader import parse_text_report
from tests.drafting.test_checklist_samples import CLEAN_2024
from tests.ui.test_main_window import Recorder, make_window
from ui import dialogs

pytestmark = pytest.mark.gui


@pytest.fixture
def rec(monkeypatch: pytest.MonkeyPatch) -> Recorder:
    return Recorder(monkeypatch)


def open_text(qtbot, text: str):  # type: ignore[no-untyped-def]
    window = make_window(qtbot)
    window.set_project(DraftProject(parse_text_report(text)))
    return window


HEADINGS_ONLY = """\
青石镇人民政府关于2024年度法治政府建设情况的报告

县委、县政府：
现将2024年度法治政府建设情况报告如下：
一、主要举措和成效
二、存在的不足和原因
三、党政主要负责人履行推进法治建设第一责任人职责情况
四、2025年主要安排

青石镇人民政府
2025年1月10日
"""


@pytest.mark.parametrize(("anyway", "written"), [(False, False), (True, True)])
def test_errors_open_asks_before_exporting(qtbot, rec: Recorder, tmp_path: Path, anyway: bool, written: bool) -> None:  # type: ignore[no-untyped-def]
    window = open_text(qtbot, HEADINGS_ONLY)
    rec.export_path = tmp_path / "报告.docx"
    rec.export_anyway = anyway
    window.menus.export_action.trigger()
    qtbot.waitUntil(lambda: not window.findings_dock.panel.checking, timeout=60000)  # the gate's check, in the helper
    (question,) = rec.export_questions
    assert question.startswith("仍有4个错误：") and question.endswith("仍要导出吗？（详见右侧“检查结果”）")
    assert "“主要举措和成效”部分只有标题，没有正文" in question
    qtbot.waitUntil(lambda: not window.job_bar.isVisible(), timeout=60000)
    assert rec.export_path.exists() is written
    assert rec.after_export == ([rec.export_path] if written else [])
    assert rec.errors == []


@pytest.mark.parametrize(("answer", "opened"), [(dialogs.OPEN_FILE, "file"), (dialogs.OPEN_FOLDER, "folder"), (None, None)])
def test_clean_report_exports_without_asking_then_offers_to_open(qtbot, rec: Recorder, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                 answer: str | None, opened: str | None) -> None:
    window = open_text(qtbot, CLEAN_2024)
    rec.export_path = tmp_path / "报告.docx"
    rec.after_export_answer = answer
    window.menus.export_action.trigger()
    qtbot.waitUntil(lambda: not window.findings_dock.panel.checking, timeout=60000)  # the gate's check, in the helper
    assert rec.export_questions == []
    qtbot.waitUntil(lambda: bool(rec.after_export), timeout=60000)
    assert rec.export_path.is_file() and rec.after_export == [rec.export_path]
    expected = {"file": [rec.export_path], "folder": [tmp_path], None: []}[opened]
    assert rec.opened == expected
