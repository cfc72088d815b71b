"""查找和替换 as a writer uses it: Ctrl+F, Enter through every part, 全部替换, Ctrl+Z, Esc.

Dialogs and message boxes are patched (tests/ui/test_main_window.Recorder): no modal box opens.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.test_main_window import Recorder, make_window, start_new, type_text
from ui import dialogs
from ui.main_window import MainWindow
from ui.part_editor import PartEditor
from ui.workers import wait_for_jobs

pytestmark = pytest.mark.gui

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
PREAMBLE = "本镇举办法治夜校，法治夜校深受群众欢迎。"
MEASURES_LINE = "法治夜校全年办了3期。"


@pytest.fixture(autouse=True)
def _checks_finished():  # type: ignore[no-untyped-def]
    """Each window starts a checklist run in the background: let it end before the next test."""
    yield
    assert wait_for_jobs(30000)


@pytest.fixture
def rec(monkeypatch: pytest.MonkeyPatch) -> Recorder:
    return Recorder(monkeypatch)


def write_two_parts(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """The writer types the opening paragraph and a line under 主要举措和成效."""
    preamble = window.editor("preamble")
    type_text(preamble, PREAMBLE)
    measures = window.editor("measures")
    measures.moveCursor(measures.textCursor().MoveOperation.End)
    type_text(measures, "\n" + MEASURES_LINE)
    assert window.project is not None
    assert window.project.part_text("preamble") == PREAMBLE
    assert window.project.part_text("measures").endswith(MEASURES_LINE)


def selection(window: MainWindow) -> tuple[str, str, int]:
    """(part, selected text, selection start) in the editor the find bar selected in."""
    page = window.step_pages.current_page()
    assert page is not None
    for part_id, editor in page.editors.items():
        cursor = editor.textCursor()
        if cursor.hasSelection():
            return part_id, cursor.selectedText(), cursor.selectionStart()
    return "", "", -1


def press(qtbot, widget, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(widget, key, modifier)


def open_window_with_text(qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    window = make_window(qtbot)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # window shortcuts (Ctrl+F, F3) need the active window
    start_new(qtbot, window)
    write_two_parts(qtbot, window)
    window.step_pages.show_step("head")
    window.editor("title").setFocus()
    return window


def test_find_walks_across_parts_and_wraps(qtbot, rec: Recorder) -> None:  # type: ignore[no-untyped-def]
    window = open_window_with_text(qtbot)
    bar = window.find_bar
    assert not bar.isVisible()

    press(qtbot, window.editor("title"), Qt.Key.Key_F, CTRL)
    assert bar.isVisible() and bar.find_edit.hasFocus()
    assert not bar.replace_edit.isVisible()  # Ctrl+F: find only
    type_text(bar.find_edit, "法治夜校")
    assert bar.status_label.text() == "共 3 处"

    expected = [("preamble", 4), ("preamble", 9), ("measures", len("一、主要举措和成效\n"))]
    for number, (part_id, start) in enumerate(expected, start=1):
        press(qtbot, bar.find_edit, Qt.Key.Key_Return)
        assert selection(window) == (part_id, "法治夜校", start)
        assert window.step_pages.current_page().step.id == part_id  # type: ignore[union-attr]
        assert window.outline_panel.current_step_id() == part_id
        assert bar.status_label.text() == f"第 {number} 处，共 3 处"
        assert bar.find_edit.hasFocus()  # Enter again goes on searching, it never types into the text

    press(qtbot, bar.find_edit, Qt.Key.Key_Return)
    assert selection(window) == ("preamble", "法治夜校", 4)
    assert bar.status_label.text() == "第 1 处，共 3 处（已从头开始）"

    press(qtbot, bar.find_edit, Qt.Key.Key_F3, SHIFT)  # 上一个, wrapping backwards
    assert selection(window) == ("measures", "法治夜校", len("一、主要举措和成效\n"))
    assert "已从末尾开始" in bar.status_label.text()
    press(qtbot, bar.find_edit, Qt.Key.Key_Return, SHIFT)
    assert selection(window) == ("preamble", "法治夜校", 9)
    qtbot.mouseClick(bar.next_button, Qt.MouseButton.LeftButton)
    assert selection(window) == ("measures", "法治夜校", len("一、主要举措和成效\n"))

    assert window.project is not None
    assert window.project.part_text("preamble") == PREAMBLE  # finding changed nothing
    press(qtbot, bar.find_edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert QApplication.focusWidget() is window.editor("measures")  # back in the text, at the match
    assert rec.errors == []


def test_replace_all_marks_modified_and_ctrl_z_undoes_per_editor(qtbot, rec: Recorder, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window_with_text(qtbot)
    project = window.project
    assert project is not None
    rec.save_path = tmp_path / "报告.fzbg"
    window.menus.save_action.trigger()
    assert not project.is_modified and " *" not in window.windowTitle()
    measures_before = project.part_text("measures")

    bar = window.find_bar
    press(qtbot, window.editor("title"), Qt.Key.Key_H, CTRL)
    assert bar.isVisible() and bar.replace_edit.isVisible()
    type_text(bar.find_edit, "法治夜校")
    type_text(bar.replace_edit, "法治讲堂")
    qtbot.mouseClick(bar.replace_all_button, Qt.MouseButton.LeftButton)
    assert bar.status_label.text() == "已替换 3 处"
    assert rec.errors == [] and rec.infos == []  # no question, no box
    assert project.part_text("preamble") == PREAMBLE.replace("法治夜校", "法治讲堂")
    assert project.part_text("measures") == measures_before.replace("法治夜校", "法治讲堂")
    assert project.is_modified and window.windowTitle().startswith("报告.fzbg *")

    # Ctrl+Z in one editor undoes the replacement there, and only there
    preamble = window.editor("preamble")
    preamble.setFocus()
    press(qtbot, preamble, Qt.Key.Key_Z, CTRL)
    assert preamble.toPlainText() == PREAMBLE
    assert project.part_text("preamble") == PREAMBLE
    assert "法治讲堂" in project.part_text("measures")
    measures = window.editor("measures")
    measures.setFocus()
    press(qtbot, measures, Qt.Key.Key_Z, CTRL)
    assert project.part_text("measures") == measures_before

    # replacing again after the undos, a word by itself, and a word that is not there
    qtbot.mouseClick(bar.replace_all_button, Qt.MouseButton.LeftButton)
    assert bar.status_label.text() == "已替换 3 处"
    bar.find_edit.setText("法治讲堂")
    qtbot.mouseClick(bar.replace_all_button, Qt.MouseButton.LeftButton)
    assert bar.status_label.text() == "替换为的文字与原文相同，没有改动"
    bar.find_edit.setText("法治夜校")
    qtbot.mouseClick(bar.replace_all_button, Qt.MouseButton.LeftButton)
    assert bar.status_label.text() == "未找到“法治夜校”"
    assert "法治夜校" not in project.part_text("preamble") + project.part_text("measures")


def test_replace_one_replaces_the_selected_match_and_moves_on(qtbot, rec: Recorder) -> None:  # type: ignore[no-untyped-def]
    window = open_window_with_text(qtbot)
    bar = window.find_bar
    bar.open_replace()
    type_text(bar.find_edit, "法治夜校")
    type_text(bar.replace_edit, "夜校")
    qtbot.mouseClick(bar.replace_button, Qt.MouseButton.LeftButton)  # nothing selected yet: finds the first
    assert selection(window) == ("preamble", "法治夜校", 4)
    assert window.project is not None and window.project.part_text("preamble") == PREAMBLE
    bar.replace_edit.setFocus()
    press(qtbot, bar.replace_edit, Qt.Key.Key_Return)  # Enter in 替换为 replaces this one, then finds the next
    assert window.project.part_text("preamble") == "本镇举办夜校，法治夜校深受群众欢迎。"
    assert selection(window) == ("preamble", "法治夜校", 7)
    assert bar.status_label.text() == "第 1 处，共 2 处"


def test_frame_parts_are_searched_and_f3_from_an_editor_follows_the_match(qtbot, rec: Recorder) -> None:  # type: ignore[no-untyped-def]
    window = open_window_with_text(qtbot)
    bar = window.find_bar
    bar.open_find()
    type_text(bar.find_edit, "某某镇")
    assert bar.status_label.text() == "共 2 处"  # the title and the signature
    title = window.editor("title")
    title.setFocus()
    press(qtbot, title, Qt.Key.Key_Escape)  # Esc in the text closes the bar too
    assert not bar.isVisible()
    assert QApplication.focusWidget() is title
    press(qtbot, title, Qt.Key.Key_F3)  # from the editor's cursor (the start of the title)
    assert selection(window) == ("title", "某某镇", 0)
    press(qtbot, title, Qt.Key.Key_F3)
    assert selection(window) == ("signature", "某某镇", 0)
    assert window.statusBar().currentMessage() == "第 2 处，共 2 处"  # the bar is closed: said below
    assert window.step_pages.current_page().step.id == "tail"  # type: ignore[union-attr]
    focused = QApplication.focusWidget()
    assert isinstance(focused, PartEditor) and focused.part_id == "signature"  # the keyboard went along


@pytest.mark.parametrize(("query", "label"), [("不存在的词", "未找到“不存在的词”"), ("", "")])
def test_nothing_found_is_said_and_nothing_moves(qtbot, rec: Recorder, query: str, label: str) -> None:  # type: ignore[no-untyped-def]
    window = open_window_with_text(qtbot)
    bar = window.find_bar
    bar.open_find()
    type_text(bar.find_edit, query)
    press(qtbot, bar.find_edit, Qt.Key.Key_Return)
    assert bar.status_label.text() == label
    assert window.step_pages.current_page().step.id == "head"  # type: ignore[union-attr]
    assert selection(window) == ("", "", -1)


def test_find_is_unavailable_without_a_draft(qtbot, rec: Recorder) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot)
    bar = window.find_bar
    assert not bar.find_action.isEnabled() and not bar.replace_action.isEnabled()
    bar.find_action.trigger()
    assert not bar.isVisible()
    edit_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "编辑")
    assert {"查找…", "替换…"} <= {a.text() for a in edit_menu.actions()}

    start_new(qtbot, window)
    assert bar.find_action.isEnabled()
    bar.find_action.trigger()
    assert bar.isVisible()
    rec.save_answers = [dialogs.DISCARD]
    window.close_project()
    assert window.project is None
    assert not bar.isVisible() and not bar.find_action.isEnabled()
