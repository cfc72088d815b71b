"""A native Chinese desktop: Qt's own words in Chinese, the icon and name, where file dialogs open
and what they offer, and the status the window shows (rates, steps, undo, positions, start page).

No modal dialog opens: QFileDialog's static helpers are replaced to record what they were asked.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox, QPlainTextEdit, QPushButton

from drafting.checklist.model import Finding, Severity
from drafting.project import DraftProject
from drafting.reading.text_reader import read_text_report
from tests.conftest import sample_path
from tests.ui.test_main_window import Recorder, make_window, start_new, type_text
from ui import app_identity, dialogs, settings, translations
from ui.findings_panel import FindingsPanel

pytestmark = pytest.mark.gui

ZH_CN = QLocale(QLocale.Language.Chinese, QLocale.Country.China)


@pytest.fixture
def rec(monkeypatch: pytest.MonkeyPatch) -> Recorder:
    return Recorder(monkeypatch)


@pytest.fixture
def chinese_qt(qapp):  # type: ignore[no-untyped-def]
    """Qt's Chinese catalogues installed for one test, removed after it."""
    installed = translations.install_qt_translations(qapp, ZH_CN)
    yield installed
    for translator in installed:
        QCoreApplication.removeTranslator(translator)


def test_translations_folder_holds_qtbase_zh_cn() -> None:
    folder = translations.translations_dir()
    assert folder is not None and (folder / "qtbase_zh_CN.qm").is_file()


@pytest.mark.parametrize(("locale", "chinese"), [
    (ZH_CN, True),
    (QLocale(QLocale.Language.Chinese, QLocale.Country.Taiwan), True),
    (QLocale.c(), True),  # the locale says nothing: the program is for Chinese offices
    (QLocale(QLocale.Language.English, QLocale.Country.UnitedStates), False),
])
def test_chinese_for_a_chinese_or_unknown_locale(locale: QLocale, chinese: bool) -> None:
    assert translations.wants_chinese(locale) is chinese


def test_no_translator_for_an_english_system(qapp) -> None:  # type: ignore[no-untyped-def]
    assert translations.install_qt_translations(qapp, QLocale(QLocale.Language.English)) == []


def test_message_box_and_file_dialog_speak_chinese(qtbot, chinese_qt) -> None:  # type: ignore[no-untyped-def]
    assert chinese_qt, "no translator installed"
    box = QMessageBox(QMessageBox.Icon.Warning, "法治报告助手", "出错了", QMessageBox.StandardButton.Ok)
    box.setDetailedText("详细")
    qtbot.addWidget(box)
    buttons = [b.text() for b in box.findChildren(QPushButton)]
    assert "确定" in buttons and any(t.startswith("显示详") for t in buttons), buttons
    assert not any(t in buttons for t in ("OK", "Show Details..."))

    dialog = QFileDialog(None, "打开草稿", str(Path.home()), dialogs.OPEN_FILTER)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    words = [re.sub(r"\(&\w\)", "", text) for text in labels]  # the mnemonic (&N) aside
    assert words and not any(re.search("[A-Za-z]", text) for text in words), labels
    assert any("查找范围" in t for t in labels) and any("文件名" in t for t in labels) and any("文件类型" in t for t in labels)
    assert "取消" in [b.text() for b in dialog.findChildren(QPushButton)]

    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    menu = editor.createStandardContextMenu()
    words = [a.text() for a in menu.actions() if a.text()]
    for word in ("撤消", "剪切", "复制", "粘贴", "全选"):
        assert any(text.startswith(word) for text in words), words
    assert not any(text.startswith(("Undo", "Cut", "Copy", "Paste", "Select")) for text in words)


def test_icon_and_chinese_name_in_window_taskbar_and_about(qtbot, rec: Recorder, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    app_identity.apply_identity(app)
    assert app.applicationDisplayName() == "法治报告助手" and not app.windowIcon().isNull()
    assert app_identity.ICON_PATH.is_file() and (app_identity.ICON_DIR / "app.ico").is_file()
    window = make_window(qtbot)
    assert not window.windowIcon().isNull() and window.windowTitle() == "法治报告助手"
    shown: list[str] = []
    monkeypatch.setattr("ui.messages.show_about", lambda _p, text: shown.append(text))
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "帮助")
    next(a for a in help_menu.actions() if a.text() == "关于法治报告助手").trigger()
    assert shown and shown[0].startswith("法治报告助手")


# ---- where file dialogs open, and the names they offer ----


class FileDialogRecorder:
    """Stands in for QFileDialog's static getters: records (title, start) and answers with a path."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls: list[tuple[str, str]] = []
        self.answer = ""
        monkeypatch.setattr(QFileDialog, "getOpenFileName", self._get)
        monkeypatch.setattr(QFileDialog, "getSaveFileName", self._get)

    def _get(self, _parent, title: str, start: str, _filter: str) -> tuple[str, str]:  # type: ignore[no-untyped-def]
        self.calls.append((title, start))
        return self.answer, ""


def test_dialogs_start_in_documents_then_in_the_last_folder(qtbot, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    documents = tmp_path / "我的文档"
    documents.mkdir()
    monkeypatch.setattr(settings, "documents_folder", lambda: documents)
    files = FileDialogRecorder(monkeypatch)
    assert dialogs.ask_open_path(None) is None
    assert dialogs.ask_last_year_path(None) is None
    assert [start for _t, start in files.calls] == [str(documents)] * 2
    repo = Path(__file__).resolve().parents[2]
    assert not any(start.startswith(str(repo)) for _t, start in files.calls)  # never the program's folder

    chosen = tmp_path / "去年" / "大寺镇2021.docx"
    chosen.parent.mkdir()
    files.answer = str(chosen)
    assert dialogs.ask_last_year_path(None) == chosen
    dialogs.ask_save_path(None, "青山镇2026年度法治政府建设情况报告.fzbg")
    assert files.calls[-1][1] == str(chosen.parent / "青山镇2026年度法治政府建设情况报告.fzbg")


def test_default_names_come_from_the_report(qtbot, rec: Recorder, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    offered: list[str] = []
    monkeypatch.setattr(dialogs, "ask_save_path", lambda _p, suggested="", *_a, **_k: offered.append(suggested))
    monkeypatch.setattr(dialogs, "ask_export_path", lambda _p, suggested="": offered.append(suggested))
    monkeypatch.setattr(dialogs, "ask_pdf_path", lambda _p, suggested="": offered.append(suggested))
    window = make_window(qtbot)
    start_new(qtbot, window, org="青山镇人民政府", year=2026)
    window.save_as()
    window.export_docx()
    qtbot.waitUntil(lambda: not window.findings_dock.panel.checking, timeout=60000)  # the gate's check, in the helper
    window.export_pdf()
    qtbot.waitUntil(lambda: not window.findings_dock.panel.checking, timeout=60000)  # the gate's check, in the helper
    name = "青山镇2026年度法治政府建设情况报告"
    assert offered == [f"{name}.fzbg", f"{name}.docx", f"{name}.pdf"]
    # a draft started from last year's file is offered under this year's name, not the old file's
    project = DraftProject(read_text_report(sample_path("dasi-2021")), None, source_path=sample_path("dasi-2021"))
    project.report.meta.year = 2022
    window.set_project(project)
    offered.clear()
    window.save_as()
    assert offered == ["大寺镇2022年度法治政府建设情况报告.fzbg"]


# ---- status: rates, steps, undo, positions, the start page alone ----


def test_impossible_rate_is_red_like_its_error(qtbot, rec: Recorder) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot)
    start_new(qtbot, window)
    page = window.step_pages.page_for("measures")
    form = page.form_for("enforcement_staff")
    form.set_field_text("enforcement_staff", "26")
    form.set_field_text("enforcement_certified", "28")
    rate = form.fields["enforcement_cert_rate"].computed_label
    assert "107.7%" in rate.text() and "b00020" in rate.styleSheet()
    assert "b00020" in form.fields["enforcement_certified"].message_label.styleSheet()
    form.set_field_text("enforcement_certified", "25")
    assert "96.2%" in rate.text() and "b00020" not in rate.styleSheet()


def test_step_count_matches_the_list(qtbot, rec: Recorder) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot)
    start_new(qtbot, window)
    outline = window.outline_panel
    listed = outline.step_list.count()
    assert listed == len(outline.steps) == 8
    assert f"共 {listed} 步" in outline.progress_label.text()
    assert outline.progress_bar.maximum() == listed and f"/{listed} 步" in outline.progress_bar.format()


def test_undo_back_to_the_saved_text_is_no_change(qtbot, rec: Recorder, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "草稿.fzbg"
    project = DraftProject(read_text_report(sample_path("dasi-2021")))
    project.save(path)
    window = make_window(qtbot)
    rec.open_path = path
    assert window.open_path(None)
    editor = window.editor("preamble")
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    type_text(editor, "补充")
    assert window.project.is_modified and window.windowTitle().startswith("草稿.fzbg *")
    editor.undo()
    assert not window.project.is_modified and not window.windowTitle().startswith("草稿.fzbg *")
    window.close_project()
    assert rec.asked_save_changes == 0
    # a change kept is still asked about
    assert window.open_path(path)
    type_text(window.editor("preamble"), "补充")
    window.close_project()
    assert rec.asked_save_changes == 1


def test_start_page_alone_until_a_report_is_open(qtbot, rec: Recorder) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot)
    start_new(qtbot, window)
    assert window.outline_dock.isVisible() and window.findings_dock.isVisible()
    window.close()  # saves the layout with the docks shown
    again = make_window(qtbot)
    assert again.central.currentWidget() is again.start_page
    assert not again.outline_dock.isVisible() and not again.findings_dock.isVisible()
    assert not again.preview_dock.isVisible()


def test_one_line_boxes_have_their_own_hints(qtbot, rec: Recorder) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot)
    start_new(qtbot, window)
    assert "每段一行" not in window.editor("addressee").placeholderText()
    assert "县委" in window.editor("addressee").placeholderText()
    assert "每段一行" in window.editor("measures").placeholderText()


def test_finding_names_part_and_paragraph_and_selects_the_words(qtbot, rec: Recorder) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot)
    start_new(qtbot, window)
    project = window.project
    window.editor("shortcomings").setPlainText(
        "一是学习不够深入。\n二是法制宣传形式单一，群众参与不多。")
    text = project.report.part("shortcomings").blocks[1].text
    index = next(i for i, (part, block) in enumerate(project.report.iter_blocks()) if block.text == text)
    finding = Finding("fazhi-term", Severity.ERROR, "shortcomings", 57, 3, "法制宣传", "“法制”应为“法治”",
                      fix="法治宣传", block_index=index, offset=text.index("法制宣传"))
    panel: FindingsPanel = window.findings_dock.panel
    panel.set_findings([finding])
    row = panel.finding_items()[0]
    assert row.text(1) == "第2段" and "57" not in row.text(1) + row.toolTip(1)
    panel.tree.setCurrentItem(row)
    assert "存在的不足和原因，第 2 段第 3 字" in panel.detail_label.text()
    panel.finding_activated.emit(finding)
    editor = window.editor("shortcomings", show=False)
    assert editor.textCursor().selectedText() == "法制宣传"
    assert editor.textCursor().blockNumber() == 1  # the second line the writer sees
