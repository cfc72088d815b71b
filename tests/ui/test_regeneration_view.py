"""The before/after view of 按事实生成 over edited text: side by side, changes in colour, Chinese, no diff syntax."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from drafting.writing.generation import changed_runs
from tests.ui.test_main_window import Recorder, make_window, start_new, type_text
from ui import dialogs
from ui.regeneration_view import ADDED, REMOVED, RegenerationDialog

pytestmark = pytest.mark.gui

OLD = "一、主要举措和成效\n全年开展法治培训12场，参训干部300人次。\n我自己补充的一句话。"
NEW = "一、主要举措和成效\n全年开展法治培训15场，参训干部300人次。"


def test_changed_runs_mark_only_what_differs() -> None:
    before, after = changed_runs(OLD, NEW)
    assert "".join(t for t, _ in before) == OLD and "".join(t for t, _ in after) == NEW
    assert [t for t, changed in before if changed] == ["2", "\n我自己补充的一句话。"]
    assert [t for t, changed in after if changed] == ["5"]


def test_side_by_side_with_colours_and_no_diff_syntax(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = RegenerationDialog(OLD, NEW)
    qtbot.addWidget(view)
    assert view.before_view.toPlainText() == OLD and view.after_view.toPlainText() == NEW
    removed = view.marked(view.before_view)
    added = view.marked(view.after_view)
    assert removed[0] == ("2", REMOVED.name()) and "我自己补充的一句话。" in "".join(t for t, _ in removed[1:])
    assert {colour for _t, colour in removed} == {REMOVED.name()}
    assert added == [("5", ADDED.name())]
    texts = " ".join(label.text() for label in view.findChildren(QLabel)) + view.windowTitle()
    for syntax in ("---", "+++", "@@"):
        assert syntax not in texts + view.before_view.toPlainText() + view.after_view.toPlainText()
    assert "当前文字" in texts and "重新生成" in texts and "3 处不同" in view.summary_label.text()
    assert view.regenerate_button.text() == "重新生成" and view.keep_button.text() == "保留当前文字"
    assert view.keep_button.isDefault()  # Enter keeps the writer's words
    # the two sides sit side by side, each at least a third of the dialog wide
    view.show()
    qtbot.waitExposed(view)
    left, right = view.before_view.geometry(), view.after_view.geometry()
    assert left.right() < right.left() and abs(left.top() - right.top()) <= 2
    assert min(left.width(), right.width()) > view.width() / 3


def test_keep_and_regenerate_answers(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    for button, expected in (("keep_button", False), ("regenerate_button", True)):
        shown: list[RegenerationDialog] = []

        def run(dialog, button=button, shown=shown):  # type: ignore[no-untyped-def]
            shown.append(dialog)
            qtbot.addWidget(dialog)
            getattr(dialog, button).click()  # as the writer would; no modal loop in a test
            return dialog.result() == RegenerationDialog.DialogCode.Accepted

        monkeypatch.setattr(dialogs, "run_modal", run)
        assert dialogs.confirm_regenerate(None, OLD, NEW) is expected
        assert shown and shown[0].after_view.toPlainText() == NEW


def test_the_page_shows_the_view_before_replacing_edited_text(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    real_confirm = dialogs.confirm_regenerate
    Recorder(monkeypatch)  # patches the other helpers (and confirm_regenerate, put back below)
    monkeypatch.setattr(dialogs, "confirm_regenerate", real_confirm)
    seen: list[RegenerationDialog] = []

    def run(dialog):  # type: ignore[no-untyped-def]
        seen.append(dialog)
        qtbot.addWidget(dialog)
        return False

    monkeypatch.setattr(dialogs, "run_modal", run)
    window = make_window(qtbot)
    start_new(qtbot, window)
    window.step_pages.show_step("shortcomings")
    page = window.step_pages.current_page()
    editor = page.editors["shortcomings"]
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    type_text(editor, "\n我写的不足")
    page.form_for("shortcoming_items").set_field_text("shortcoming_items", "基层执法力量不足——编制少、任务重")
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(seen))  # generation runs in the background, then asks
    qtbot.waitUntil(page.generate_button.isEnabled)
    assert len(seen) == 1
    assert "我写的不足" in seen[0].before_view.toPlainText() and "基层执法力量不足" in seen[0].after_view.toPlainText()
    assert editor.toPlainText().endswith("我写的不足")  # kept: the writer said no
