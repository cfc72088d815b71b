"""The window as a writer uses it: new report, facts, generate, edit, save, close, reopen, export.

Dialogs and message boxes are patched (ui.dialogs, ui.messages): no modal box opens.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from drafting.data.facts import parse_fact
from drafting.files import recovery
from drafting.writing.new_report import new_report
from tests.conftest import report_path
from ui import dialogs, messages
from ui.draft_files import AUTOSAVE_DELAY_MS
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui

EDITED = "本镇还组织了法治夜校，这句话是写作者自己补充的。"


class Recorder:
    """Replaces the dialog and message helpers, recording every call."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.errors: list[str] = []
        self.infos: list[str] = []
        self.save_answers: list[str] = []
        self.asked_save_changes = 0
        self.save_path: Path | None = None
        self.open_path: Path | None = None
        self.export_path: Path | None = None
        self.regenerate_answer = True
        self.regenerate_diffs: list[tuple[str, str]] = []  # (text now, text the facts give), as shown
        monkeypatch.setattr(messages, "show_error", lambda _p, m: self.errors.append(str(m)))
        monkeypatch.setattr(messages, "show_info", lambda _p, m: self.infos.append(str(m)))
        monkeypatch.setattr(dialogs, "ask_save_path", lambda *_a, **_k: self.save_path)
        monkeypatch.setattr(dialogs, "ask_open_path", lambda *_a, **_k: self.open_path)
        monkeypatch.setattr(dialogs, "ask_export_path", lambda *_a, **_k: self.export_path)
        monkeypatch.setattr(dialogs, "ask_save_changes", self._ask_save_changes)
        monkeypatch.setattr(dialogs, "confirm_regenerate", self._confirm_regenerate)
        monkeypatch.setattr(dialogs, "confirm", lambda *_a: False)
        self.export_questions: list[str] = []
        self.export_anyway = True
        self.after_export: list[Path] = []
        self.after_export_answer: str | None = None
        self.opened: list[Path] = []
        monkeypatch.setattr(dialogs, "confirm_export_with_errors", self._confirm_export)
        monkeypatch.setattr(dialogs, "ask_after_export",
                            lambda _p, path: self.after_export.append(path) or self.after_export_answer)
        monkeypatch.setattr(dialogs, "open_in_system", lambda path: self.opened.append(path) or True)

    def _confirm_export(self, _parent: object, question: str) -> bool:
        self.export_questions.append(question)
        return self.export_anyway

    def _ask_save_changes(self, _parent: object, _name: str) -> str:
        self.asked_save_changes += 1
        return self.save_answers.pop(0) if self.save_answers else dialogs.CANCEL

    def _confirm_regenerate(self, _parent: object, old_text: str, new_text: str) -> bool:
        self.regenerate_diffs.append((old_text, new_text))
        return self.regenerate_answer


@pytest.fixture
def rec(monkeypatch: pytest.MonkeyPatch) -> Recorder:
    return Recorder(monkeypatch)


def type_text(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type text key by key as a keyboard/IME would (QTest.keyClicks only handles ASCII)."""
    for char in text:
        key = Qt.Key.Key_Return if char == "\n" else Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char))


def make_window(qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    return window


def start_new(qtbot, window: MainWindow, org: str = "某某镇人民政府", year: int = 2024) -> None:  # type: ignore[no-untyped-def]
    page = window.start_page
    type_text(page.org_edit, org)
    page.year_spin.setValue(year)
    type_text(page.addressee_edit, "县委、县政府")
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert window.project is not None


def fill_all_facts(page) -> int:  # type: ignore[no-untyped-def]
    """Type each fact's catalogue example (a coherent, typical set) into the page's forms."""
    typed = 0
    for form in page.forms:
        for fact_id, field in form.fields.items():
            if field.spec.example and parse_fact(field.spec, field.spec.example)[1] is None:
                form.set_field_text(fact_id, field.spec.example)
                typed += 1
    return typed


def test_whole_flow_new_generate_edit_save_reopen_export(qtbot, rec: Recorder, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot)
    start_new(qtbot, window)
    steps = window.outline_panel.steps
    assert [s.name for s in steps][0] == "标题和主送机关"
    assert [s.name for s in steps][-1] == "署名和日期"
    assert {"measures", "shortcomings", "leader_duty", "plans", "other"} <= {s.id for s in steps}

    typed = 0
    for row, step in enumerate(steps):
        window.outline_panel.step_list.setCurrentRow(row)  # the writer clicks the step
        page = window.step_pages.current_page()
        assert page is not None and page.step.id == step.id
        typed += fill_all_facts(page)
        assert page.parse_errors == {}
        if page.generate_button.isVisible():
            qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(page.generate_button.isEnabled)
        qtbot.mouseClick(page.done_check, Qt.MouseButton.LeftButton)
    assert typed > 40
    assert rec.errors == []
    project = window.project
    assert project is not None
    measures = project.part_text("measures")
    assert "（一）" in measures and "84" in measures  # a figure from the facts is woven in
    assert "4" in project.part_text("leader_duty")

    # the writer edits the generated text of 主要举措和成效
    window.step_pages.show_step("measures")
    editor = window.step_pages.pages["measures"].editors["measures"]
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    type_text(editor, "\n" + EDITED)
    assert EDITED in project.part_text("measures")
    assert window.outline_panel.progress_bar.value() >= 1

    # save (a new draft asks for a name), then close: nothing unsaved, no question
    rec.save_path = tmp_path / "报告.fzbg"
    window.menus.save_action.trigger()
    assert rec.save_path.is_file() and not project.is_modified
    assert window.windowTitle().startswith("报告.fzbg")
    assert window.close()
    assert rec.asked_save_changes == 0

    # reopen in a new window: the edited text and the facts are back
    window2 = make_window(qtbot)
    rec.open_path = rec.save_path
    window2.menus.open_action.trigger()
    assert window2.project is not None
    assert EDITED in window2.editor("measures").toPlainText()
    assert window2.project.report.facts["exam_taken"] == 84

    # export to Word off the UI thread; the .docx holds the edited text
    rec.export_path = tmp_path / "报告.docx"
    window2.menus.export_action.trigger()
    qtbot.waitUntil(lambda: not window2.findings_dock.panel.checking, timeout=60000)  # the gate's check, in the helper
    qtbot.waitUntil(lambda: not window2.job_bar.isVisible(), timeout=60000)
    assert rec.errors == []
    import docx

    texts = [p.text for p in docx.Document(str(rec.export_path)).paragraphs]
    assert any(EDITED in t for t in texts)
    assert any("存在的不足和原因" in t for t in texts)
    assert rec.errors == []


def test_autosave_writes_recovery_copy_soon_after_typing(qtbot, rec: Recorder) -> None:  # type: ignore[no-untyped-def]
    assert 0 < AUTOSAVE_DELAY_MS <= 5000
    window = make_window(qtbot)
    start_new(qtbot, window)
    editor = window.editor("preamble")
    type_text(editor, "今年以来，镇党委镇政府坚持依法行政。")
    assert window.files.autosave_timer.isActive() and window.files.autosave_timer.isSingleShot()
    # generous: the 2 shared cores may be busy; the timer interval itself is asserted above
    qtbot.waitUntil(lambda: bool(recovery.list_recoveries()), timeout=AUTOSAVE_DELAY_MS + 20000)
    report = recovery.load_recovery(recovery.list_recoveries()[0])
    assert "坚持依法行政" in report._first_text("preamble")


def test_close_with_unsaved_changes_asks_and_cancel_keeps_window(qtbot, rec: Recorder) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot)
    start_new(qtbot, window)
    type_text(window.editor("preamble"), "未保存的文字")
    rec.save_answers = [dialogs.CANCEL]
    assert not window.close()
    assert rec.asked_save_changes == 1 and window.isVisible() and window.project is not None
    window.files.autosave()
    assert recovery.list_recoveries()
    rec.save_answers = [dialogs.DISCARD]
    assert window.close()
    assert rec.asked_save_changes == 2
    assert recovery.list_recoveries() == []  # closed normally: no copy to offer next time


def test_undo_brings_back_text_replaced_by_generation(qtbot, rec: Recorder) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot)
    start_new(qtbot, window)
    window.step_pages.show_step("shortcomings")
    page = window.step_pages.current_page()
    editor = page.editors["shortcomings"]
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    type_text(editor, "\n我写的不足")
    mine = editor.toPlainText()
    page.form_for("shortcoming_items").set_field_text("shortcoming_items", "基层执法力量不足——编制少、任务重")
    rec.regenerate_answer = True
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.generate_button.isEnabled)
    assert rec.regenerate_diffs and "我写的不足" in rec.regenerate_diffs[0][0]
    assert "我写的不足" not in rec.regenerate_diffs[0][1]
    assert "基层执法力量不足" in editor.toPlainText()
    editor.setFocus()
    window.menus.undo_action.trigger()
    assert editor.toPlainText() == mine
    assert window.project.part_text("shortcomings") == mine
    window.menus.redo_action.trigger()
    assert "基层执法力量不足" in editor.toPlainText()


def test_facts_changed_after_edit_offers_regeneration_never_silent(qtbot, rec: Recorder) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot)
    start_new(qtbot, window)
    window.step_pages.show_step("leader_duty")
    page = window.step_pages.current_page()
    form = page.form_for("center_group_sessions")
    form.set_field_text("center_group_sessions", "12")
    form.set_field_text("center_group_law_sessions", "4")
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.generate_button.isEnabled)
    editor = page.editors["leader_duty"]
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    type_text(editor, "\n自己加的一段。")
    assert page.banner.isHidden()
    form.set_field_text("center_group_law_sessions", "6")
    # The banner's check renders in the background: it shows, ready to click, once that is done.
    offered = lambda: page.banner.isVisibleTo(page) and page.banner_button.isEnabled()  # noqa: E731
    qtbot.waitUntil(offered)
    before = editor.toPlainText()
    assert before.endswith("自己加的一段。")  # nothing replaced behind the writer's back
    rec.regenerate_answer = False
    qtbot.mouseClick(page.banner_button, Qt.MouseButton.LeftButton)
    assert editor.toPlainText() == before
    assert "自己加的一段" in rec.regenerate_diffs[-1][0] and "6" in rec.regenerate_diffs[-1][1]
    qtbot.waitUntil(offered)
    rec.regenerate_answer = True
    qtbot.mouseClick(page.banner_button, Qt.MouseButton.LeftButton)
    assert "6" in editor.toPlainText() and "自己加的一段" not in editor.toPlainText()
    qtbot.waitUntil(page.banner.isHidden)


def test_measures_areas_can_be_picked_and_ordered(qtbot, rec: Recorder) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot)
    start_new(qtbot, window)
    window.step_pages.show_step("measures")
    page = window.step_pages.current_page()
    picker = page.area_picker
    assert picker is not None
    ids = picker.checked_ids()
    assert "pufa" in ids and "advisers" in ids
    picker.set_checked("study", False)
    assert "study" not in window.project.area_ids
    picker.set_checked("business", True)
    row = next(i for i in range(picker.area_list.count())
               if picker.area_list.item(i).data(Qt.ItemDataRole.UserRole) == "advisers")
    picker.area_list.setCurrentRow(row)
    for _ in range(row):
        qtbot.mouseClick(picker.up_button, Qt.MouseButton.LeftButton)
    assert window.project.area_ids[0] == "advisers"
    assert page.area_toolbox.count() == len(window.project.area_ids)
    assert "legal_advisers" in page.forms[0].fields
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.generate_button.isEnabled)
    lines = window.project.part_text("measures").splitlines()
    assert lines[1].startswith("（一）") and "法律顾问" in lines[1]
    assert not any("学习贯彻习近平法治思想" in line for line in lines if line.startswith("（"))


def test_inline_validation_and_computed_rate(qtbot, rec: Recorder) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot)
    start_new(qtbot, window)
    window.step_pages.show_step("measures")
    page = window.step_pages.current_page()
    form = page.form_for("villages_total")
    type_text(form.fields["villages_total"].input, "十八")
    assert form.fields["villages_total"].message_label.text() == "请填写整数"
    form.fields["villages_total"].input.clear()
    type_text(form.fields["villages_total"].input, "18")
    type_text(form.fields["villages_with_adviser"].input, "9")
    assert form.fields["villages_total"].message_label.text() != "请填写整数"
    assert "50" in form.fields["adviser_coverage_rate"].computed_label.text()
    form.fields["villages_with_adviser"].input.clear()
    type_text(form.fields["villages_with_adviser"].input, "20")
    assert "不能大于" in form.fields["villages_with_adviser"].message_label.text()
    assert window.outline_panel.statuses["measures"] == "有问题"


def test_opened_text_file_is_never_overwritten(qtbot, rec: Recorder, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "去年.txt"
    source.write_bytes(report_path("qingshui-2021").read_bytes())
    before = source.read_bytes()
    window = make_window(qtbot)
    rec.open_path = source
    window.menus.open_action.trigger()
    assert window.project is not None and window.project.path is None
    rec.save_path = source  # the writer picks the .txt itself
    window.menus.save_action.trigger()
    assert rec.errors and "原文件" in rec.errors[-1]
    assert source.read_bytes() == before
    rec.save_path = tmp_path / "新草稿.fzbg"
    window.menus.save_action.trigger()
    assert rec.save_path.is_file() and source.read_bytes() == before


def test_restore_offer_after_crash(qtbot, rec: Recorder, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    report = new_report("某某街道办事处", 2024, "区委、区政府")
    report.part("preamble").blocks[:] = []
    from drafting.model import Block

    report.part("preamble").blocks.append(Block("崩溃前写下的开头段。"))
    recovery.write_recovery(report, None, "crashedkey")
    offered: list[list[str]] = []
    monkeypatch.setattr(dialogs, "ask_restore", lambda _p, labels: offered.append(labels) or 0)
    window = make_window(qtbot)
    assert window.offer_recovery()
    assert "某某街道办事处" in offered[0][0]
    assert window.editor("preamble").toPlainText() == "崩溃前写下的开头段。"
    assert window.project.is_modified


def test_start_from_last_year_cancelled_changes_nothing(qtbot, rec: Recorder, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # The whole flow is tested in tests/ui/test_last_year_flow.py; here: the button runs it.
    asked: list[object] = []
    monkeypatch.setattr(dialogs, "ask_last_year_path", lambda parent: asked.append(parent))
    window = make_window(qtbot)
    qtbot.mouseClick(window.start_page.last_year_button, Qt.MouseButton.LeftButton)
    assert asked == [window] and window.project is None and rec.infos == [] and rec.errors == []


def test_new_report_without_org_is_refused_in_chinese(qtbot, rec: Recorder) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot)
    qtbot.mouseClick(window.start_page.new_button, Qt.MouseButton.LeftButton)
    assert window.project is None
    assert rec.errors and "单位名称" in rec.errors[0]


def test_a_draft_open_in_one_window_is_refused_in_another(qtbot, rec: Recorder, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = make_window(qtbot)
    start_new(qtbot, first)
    rec.save_path = tmp_path / "共用.fzbg"
    first.menus.save_action.trigger()
    assert first.project.is_locked
    second = make_window(qtbot)
    assert not second.open_path(rec.save_path)
    assert second.project is None and rec.errors
    assert first.close()  # closing releases the lock
    assert second.open_path(rec.save_path)
    assert second.project.is_locked


def test_shortcuts_and_recent_files_and_layout_are_kept(qtbot, rec: Recorder, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot)
    shortcuts = {a.text(): a.shortcut().toString() for a in window.actions()}
    assert shortcuts["新建报告"] == "Ctrl+N" and shortcuts["打开草稿…"] == "Ctrl+O"
    assert shortcuts["保存"] == "Ctrl+S" and shortcuts["导出Word…"] == "Ctrl+E"
    assert shortcuts["撤销"] == "Ctrl+Z" and shortcuts["重做"] == "Ctrl+Y"
    start_new(qtbot, window)
    rec.save_path = tmp_path / "最近.fzbg"
    window.menus.save_action.trigger()
    window.resize(780, 570)
    assert window.close()
    again = make_window(qtbot)
    assert again.start_page.recent_list.count() == 1
    assert rec.save_path.name in again.start_page.recent_list.item(0).text()
    assert (again.width(), again.height()) == (780, 570)


def test_findings_mark_steps_and_jump_to_the_words(qtbot, rec: Recorder) -> None:  # type: ignore[no-untyped-def]
    from drafting.checklist.model import Finding, Severity

    window = make_window(qtbot)
    start_new(qtbot, window)
    panel = window.findings_dock.panel
    assert panel is not None and window.findings_dock.widget() is panel and panel.project is window.project
    editor = window.editor("preamble")
    editor.setPlainText("第一句话。\n2024年，全镇上下坚持依法行政，取得了丰硕成果。")
    blocks = list(window.project.report.iter_blocks())
    index = next(i for i, (part, block) in enumerate(blocks) if "丰硕成果" in block.text)
    finding = Finding(rule="test-boast", severity=Severity.WARNING, part="preamble", line=None, column=None,
                      match="丰硕成果", message="用语空泛", block_index=index, offset=blocks[index][1].text.index("丰硕成果"))
    panel.findings_changed.emit([finding])
    assert window.outline_panel.statuses["preamble"] == "有问题"
    window.step_pages.show_step("measures")
    panel.finding_activated.emit(finding)
    assert window.step_pages.current_page().step.id == "preamble"
    assert editor.textCursor().selectedText() == "丰硕成果"
    panel.findings_changed.emit([])
    assert window.outline_panel.statuses["preamble"] != "有问题"


def test_plan_follows_the_year_and_can_be_typed_when_none_is_known(qtbot, rec: Recorder) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot)
    page = window.start_page
    page.year_spin.setValue(2019)
    assert "2015—2020" in page.plan_combo.currentText()
    page.year_spin.setValue(2024)
    assert "2021—2025" in page.plan_combo.currentText()
    page.year_spin.setValue(2027)
    assert page.plan_combo.currentText() == "" and "没有已知的规划" in page.plan_label.text()
    page.plan_combo.setEditText("法治政府建设实施纲要（2026—2030年）")
    type_text(page.org_edit, "某某街道办事处")
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert rec.errors == []
    assert window.project.report.meta.year == 2027
    assert window.project.report.meta.plan == "法治政府建设实施纲要（2026—2030年）"


def test_setting_of_the_wrong_type_opens_with_a_note_in_the_status_bar(qtbot, rec: Recorder, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tests import hostile_attacks as attacks

    replace, by = attacks.LOADER_DRAFTS["settings-done.fzbg"]
    source = attacks.draft_with_meta(tmp_path, replace, by, "settings-done.fzbg")
    line = source.read_text(encoding="utf-8").splitlines().index(by.strip()) + 1
    window = make_window(qtbot)
    rec.open_path = source
    window.menus.open_action.trigger()
    assert window.project is not None and window.project.path == source and not rec.errors
    assert window.project.report.settings.done == []  # the default
    status = window.statusBar().currentMessage()
    assert "settings-done.fzbg" in status and f"第 {line} 行" in status and "“done”" in status, status
