"""从去年的报告开始 in the window: import (.txt and .docx), last year's pane, marks, confirmations, saving.

The file chooser, the review dialog and every message box are patched: nothing modal opens.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from drafting.checklist.engine import default_checklist
from drafting.lastyear.confirmations import CONFIRMED, UNCHANGED, carried_paragraphs, is_confirmed
from drafting.model import Report
from drafting.reading.sources import load_source
from tests.conftest import report_path, sample_path
from ui import dialogs, import_dialog, messages
from ui.main_window import MainWindow
from ui.part_editor import PartEditor

pytestmark = pytest.mark.gui


class Patched:
    """The dialogs and message boxes of the flow, answered by the test and recorded."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, source: Path | None) -> None:
        self.errors: list[str] = []
        self.infos: list[str] = []
        self.source = source
        self.reviewed: list[int] = []
        self.save_path: Path | None = None
        self.save_suggestions: list[str] = []
        monkeypatch.setattr(messages, "show_error", lambda _p, m: self.errors.append(str(m)))
        monkeypatch.setattr(messages, "show_info", lambda _p, m: self.infos.append(str(m)))
        monkeypatch.setattr(dialogs, "ask_last_year_path", lambda _p: self.source)
        monkeypatch.setattr(dialogs, "run_modal", self._review)
        monkeypatch.setattr(dialogs, "ask_save_path", self._ask_save_path)
        monkeypatch.setattr(dialogs, "ask_save_changes", lambda *_a: dialogs.DISCARD)

    def _review(self, dialog: import_dialog.ImportReviewDialog) -> bool:
        self.reviewed.append(dialog.year())  # the year the dialog proposes; accepted as it is
        return True

    def _ask_save_path(self, _parent: object, suggested: str = "", *_a: object, **_k: object) -> Path | None:
        self.save_suggestions.append(suggested)
        return self.save_path


def copied(report: Report) -> list[str]:
    """Paragraphs the checklist flags as copied from last year."""
    blocks = [b.text for _p, b in report.iter_blocks()]
    return [blocks[f.block_index] for f in default_checklist().run(report) if f.rule == "copied-from-last-year"]


def put_cursor_in(editor: PartEditor, text: str) -> None:
    """Click into the paragraph holding text (the cursor in the middle of it)."""
    position = editor.toPlainText().index(text) + len(text) // 2
    cursor = editor.textCursor()
    cursor.setPosition(position)
    editor.setTextCursor(cursor)


def retype_paragraph(editor: PartEditor, old: str, new: str) -> None:
    """Select one paragraph and type a new one over it, as the writer would."""
    start = editor.toPlainText().index(old)
    cursor = editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(old), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    editor.insertPlainText(new)


@pytest.fixture(params=["txt", "docx"])
def source(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """Last year's report as a .txt (the real sample) or as the .docx the app exports from it."""
    original = sample_path("taigong-2021")
    folder = tmp_path / "去年"
    folder.mkdir()
    if request.param == "txt":
        return Path(shutil.copy(original, folder / original.name))
    from drafting.export.writer import write_docx
    from drafting.reading.sources import load_source

    path = folder / "太公镇2021年法治政府建设情况报告.docx"
    write_docx(load_source(original), path)
    return path


def make_window(qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    return window


def test_start_from_last_year_pane_marks_confirm_and_save(qtbot, monkeypatch, source: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    patched = Patched(monkeypatch, source)
    before = source.read_bytes()
    window = make_window(qtbot)
    qtbot.mouseClick(window.start_page.last_year_button, Qt.MouseButton.LeftButton)

    # the new draft for the next year, unsaved, modified, on its first step
    assert patched.errors == [] and patched.reviewed == [2022]
    project = window.project
    assert project is not None and project.report.meta.year == 2022
    assert project.path is None and project.source_path == source and project.is_modified
    assert window.step_pages.current_page() is not None and window.step_pages.current_page().step.id == "head"
    assert "2022年" in window.step_pages.pages["head"].editors["title"].toPlainText()
    assert window.step_pages.pages["head"].last_year_panes == {}  # the title has no last-year text of its own
    assert "*" in window.windowTitle()

    # last year's text of the part beside the editor, unchanged paragraphs marked
    window.step_pages.show_step("shortcomings")
    page = window.step_pages.pages["shortcomings"]
    pane = page.last_year_panes["shortcomings"]
    view = pane.view
    assert pane.isVisibleTo(page)
    old_texts = project.report.last_year["shortcomings"]
    assert len(old_texts) == 2
    assert [view.paragraph_list.item(i).text() for i in range(2)] == ["【未改】" + t for t in old_texts]
    assert view.states() == [UNCHANGED, UNCHANGED]
    found = copied(project.report)
    assert set(old_texts) <= set(found)

    # edit one paragraph: its mark goes once the (debounced) refresh ran
    editor = page.editors["shortcomings"]
    retype_paragraph(editor, old_texts[0], "今年执法人员持证率已提高到九成，但乡镇执法队伍仍缺少法制审核人员。")
    assert pane.refresh_timer.isActive() and view.states() == [UNCHANGED, UNCHANGED]  # not redone per keystroke
    qtbot.waitUntil(lambda: view.states() == ["changed", UNCHANGED], timeout=3000)
    assert old_texts[0] not in copied(project.report)

    # confirm the other one at the cursor: shown as confirmed, the checklist no longer reports it
    put_cursor_in(editor, old_texts[1])
    qtbot.mouseClick(pane.confirm_button, Qt.MouseButton.LeftButton)
    assert patched.infos == []
    assert view.states() == ["changed", CONFIRMED]
    assert view.paragraph_list.item(1).text().startswith("【已确认沿用】")
    assert is_confirmed(project.report, old_texts[1])
    assert old_texts[1] not in copied(project.report)
    assert not pane.confirm_button.isEnabled()  # nothing left to confirm in this part
    assert not pane.confirm_at_cursor()  # once more: says it is already confirmed
    assert len(patched.infos) == 1 and "已经确认" in patched.infos[0]

    # confirming a paragraph that is not carried over says so and records nothing
    put_cursor_in(editor, "今年执法人员持证率")
    assert not pane.confirm_at_cursor()
    assert len(patched.infos) == 2 and "无需确认" in patched.infos[1]

    # 全部确认 on another part
    window.step_pages.show_step("measures")
    measures = window.step_pages.pages["measures"].last_year_panes["measures"]
    assert measures.view.unchanged_count == len(project.report.last_year["measures"])
    qtbot.mouseClick(measures.confirm_all_button, Qt.MouseButton.LeftButton)
    assert measures.view.unchanged_count == 0 and carried_paragraphs(project.report, "measures") == []
    flagged_parts = {f.part for f in default_checklist().run(project.report) if f.rule == "copied-from-last-year"}
    assert "measures" not in flagged_parts and "shortcomings" not in flagged_parts
    assert "preamble" in flagged_parts  # not confirmed, not edited: still reported

    # save asks for a new name; saving over the imported file is refused
    patched.save_path = source
    assert not window.save()
    assert patched.errors and "原文件" in patched.errors[-1]
    new_path = tmp_path / "2022年报告.fzbg"
    patched.save_path = new_path
    assert window.save()
    assert len(patched.save_suggestions) == 2 and patched.save_suggestions[0].endswith(".fzbg")
    assert project.path == new_path and not project.is_modified
    assert source.read_bytes() == before
    saved = load_source(new_path)
    assert is_confirmed(saved, old_texts[1]) and saved.meta.year == 2022
    assert saved.part("shortcomings").blocks[1].text.startswith("今年执法人员持证率")


def test_old_year_highlighted_in_the_editor(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    patched = Patched(monkeypatch, report_path("qingshui-2021"))
    window = make_window(qtbot)
    window.menus.last_year_action.trigger()  # the 文件 menu's entry
    assert patched.errors == [] and window.project is not None
    editor = window.editor("preamble")
    lines = editor.toPlainText().split("\n")
    marks = editor.old_year_marks()
    assert marks and all(lines[line][start:start + length] == "2021" for line, start, length in marks)
    # the heading highlighter still works beside it
    measures = window.editor("measures")
    assert any(f.format.fontWeight() == 700 for f in measures.document().firstBlock().layout().formats())
    # typing the new year over a mention removes its mark
    line, start, length = marks[0]
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    cursor.movePosition(QTextCursor.MoveOperation.Down, n=line)
    cursor.movePosition(QTextCursor.MoveOperation.Right, n=start)
    cursor.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.KeepAnchor, length)
    editor.setTextCursor(cursor)
    editor.insertPlainText("2022")
    assert len(editor.old_year_marks()) == len(marks) - 1
    # the editor's context menu action 确认沿用 reaches the pane (the menu itself is modal: not opened here)
    paragraph = editor.toPlainText().split("\n")[0]
    assert not is_confirmed(window.project.report, paragraph)
    editor.confirm_requested.emit(paragraph)
    assert is_confirmed(window.project.report, paragraph) and window.project.is_modified


def test_cancelled_or_failed_import_leaves_the_window_as_it_was(qtbot, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    patched = Patched(monkeypatch, None)
    window = make_window(qtbot)
    qtbot.mouseClick(window.start_page.last_year_button, Qt.MouseButton.LeftButton)
    assert window.project is None and patched.errors == [] and patched.infos == []
    fake = tmp_path / "去年.docx"
    broken = b"PK\x03\x04" + bytes(range(256)) * 4  # starts like a Word file, is not one
    fake.write_bytes(broken)
    patched.source = fake
    window.menus.last_year_action.trigger()
    assert window.project is None and len(patched.errors) == 1
    assert "Traceback" not in patched.errors[0] and any("\u4e00" <= c <= "\u9fff" for c in patched.errors[0])
    assert fake.read_bytes() == broken


def test_new_report_has_no_last_year_pane(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    Patched(monkeypatch, None)
    window = make_window(qtbot)
    window._on_start_page_new_requested("某某镇人民政府", 2024, "县委、县政府")
    window.step_pages.show_step("shortcomings")
    page = window.step_pages.pages["shortcomings"]
    assert page.last_year_panes == {} and page.findChild(object, "side_tabs") is None
    assert window.editor("preamble").old_year_marks() == []


def test_last_years_figures_shown_beside_the_facts(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    patched = Patched(monkeypatch, sample_path("dasi-2021"))
    window = make_window(qtbot)
    window.menus.last_year_action.trigger()
    assert patched.errors == [] and window.project is not None
    assert window.project.report.last_year_facts["training_attendees"] == 900
    window.step_pages.show_step("measures")
    page = window.step_pages.pages["measures"]
    assert page.area_picker is not None
    page.area_picker.set_checked("study", True)  # an imported report has no sub-areas ticked yet
    page.area_picker.set_checked("advisers", True)
    shown = page.findChild(QLabel, "last_year_training_attendees")
    assert shown is not None and shown.text() == "上年：900人次" and not shown.isHidden()
    # a fact last year's report did not give shows nothing
    quiet = page.findChild(QLabel, "last_year_legal_advisers")
    assert quiet is not None and quiet.text() == "" and quiet.isHidden()
