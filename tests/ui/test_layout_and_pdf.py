"""Layout at 1366×768 (nothing clipped, nothing scrolled sideways), the editor's room beside the
preview, and 导出PDF from the window (Ctrl+Shift+E) and the command line.

No modal dialog opens: the dialog and message helpers are patched (tests.ui.test_main_window.Recorder).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractScrollArea, QCheckBox, QLabel, QPushButton, QScrollArea, QSplitter

from drafting.files import libreoffice
from tests.conftest import require_soffice, run_cli, sample_path
from tests.ui.test_main_window import Recorder, make_window, start_new
from ui import dialogs

pytestmark = pytest.mark.gui

SMALL_SCREEN = QSize(1366, 768)


@pytest.fixture
def rec(monkeypatch: pytest.MonkeyPatch) -> Recorder:
    return Recorder(monkeypatch)


def problems_on_screen(page) -> list[tuple]:  # type: ignore[no-untyped-def]
    """Sideways scrollbars, clipped buttons and cut labels among a page's visible widgets."""
    found: list[tuple] = []
    for area in page.findChildren(QAbstractScrollArea):
        if area.isVisible() and area.horizontalScrollBar().isVisible():
            found.append(("scrolls sideways", area.objectName() or type(area).__name__))
    for scroll in page.findChildren(QScrollArea):
        content = scroll.widget()
        if scroll.isVisible() and content is not None and content.width() > scroll.viewport().width():
            found.append(("wider than its column", content.width(), scroll.viewport().width()))
    for widget in page.findChildren(QPushButton) + page.findChildren(QCheckBox):
        if widget.isVisible() and widget.width() < widget.sizeHint().width():
            found.append(("clipped", widget.text(), widget.width(), widget.sizeHint().width()))
    for label in page.findChildren(QLabel):
        if label.isVisible() and label.text() and not label.wordWrap() and label.width() < label.sizeHint().width():
            found.append(("cut", label.text()[:20], label.width(), label.sizeHint().width()))
    return found


def test_every_page_fits_a_1366_by_768_screen(qtbot, rec: Recorder) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot)
    window.resize(SMALL_SCREEN)
    start_new(qtbot, window)
    pages = 0
    for step in window.outline_panel.steps:
        window.step_pages.show_step(step.id)
        page = window.step_pages.current_page()
        qtbot.waitUntil(lambda p=page: p.isVisible())
        qtbot.wait(1)  # layouts settle
        assert problems_on_screen(page) == [], step.id
        pages += 1
        if step.id == "measures":
            for button in (page.area_picker.up_button, page.area_picker.down_button):
                assert button.isVisible() and button.width() >= button.sizeHint().width()
    assert pages == 8


def test_reopened_area_starts_at_its_first_field(qtbot, rec: Recorder) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot)
    window.resize(SMALL_SCREEN)
    start_new(qtbot, window)
    window.step_pages.show_step("measures")
    toolbox = window.step_pages.pages["measures"].area_toolbox
    assert toolbox.count() >= 2
    toolbox.setCurrentIndex(0)
    scroll = toolbox.widget(0).parentWidget().parentWidget()
    assert isinstance(scroll, QScrollArea)
    qtbot.waitUntil(lambda: scroll.verticalScrollBar().maximum() > 0)
    scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
    toolbox.setCurrentIndex(1)
    toolbox.setCurrentIndex(0)
    assert scroll.verticalScrollBar().value() == 0


def _chars_per_line(editor) -> int:  # type: ignore[no-untyped-def]
    return editor.viewport().width() // editor.fontMetrics().horizontalAdvance("法")


def test_editor_keeps_its_room_beside_the_preview_and_the_checks_get_their_width_back(
        qtbot, rec: Recorder, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(libreoffice, "find_soffice", lambda: None)  # the preview says so at once
    window = make_window(qtbot)
    window.resize(SMALL_SCREEN)
    start_new(qtbot, window)
    window.step_pages.show_step("measures")
    page = window.step_pages.pages["measures"]
    editor = page.editors["measures"]
    splitter = page.findChild(QSplitter, "page_splitter")
    qtbot.wait(1)
    checks_width = window.findings_dock.width()
    before = _chars_per_line(editor)
    window.preview()
    qtbot.waitUntil(lambda: not window.job_bar.isVisible(), timeout=30000)
    qtbot.waitUntil(lambda: window.preview_dock.width() > checks_width)
    qtbot.wait(1)
    side, text = splitter.sizes()
    assert _chars_per_line(editor) >= 20 and text > side, (before, _chars_per_line(editor), splitter.sizes())
    window.findings_dock.raise_()  # back to 检查结果
    qtbot.waitUntil(lambda: abs(window.findings_dock.width() - checks_width) <= 2)
    assert _chars_per_line(editor) >= before - 1


# ---- 导出PDF ----


def _pdf_pages(path: Path) -> list[str]:
    from pdfminer.high_level import extract_text

    assert path.read_bytes().startswith(b"%PDF")
    return [page for page in extract_text(str(path)).split("\f") if page.strip()]


def test_export_pdf_without_libreoffice_says_what_to_do(qtbot, rec: Recorder, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(libreoffice, "find_soffice", lambda: None)
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "ask_pdf_path", lambda *_a: asked.append("asked"))
    window = make_window(qtbot)
    start_new(qtbot, window)
    assert window.menus.export_pdf_action.shortcut() == QKeySequence("Ctrl+Shift+E")
    window.menus.export_pdf_action.trigger()
    assert asked == [] and len(rec.errors) == 1
    assert "没有找到 LibreOffice" in rec.errors[0] and "导出 Word" in rec.errors[0] and "另存为 PDF" in rec.errors[0]


@pytest.mark.render
def test_export_pdf_from_the_window(qtbot, rec: Recorder, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    require_soffice()
    target = tmp_path / "报告"  # the suffix is added
    monkeypatch.setattr(dialogs, "ask_pdf_path", lambda *_a: target)
    window = make_window(qtbot)
    start_new(qtbot, window, org="青山镇人民政府")
    window.editor("preamble").setPlainText("今年以来，镇党委镇政府坚持依法行政。" * 40)
    window.menus.export_pdf_action.trigger()
    qtbot.waitUntil(lambda: not window.findings_dock.panel.checking, timeout=60000)  # the gate's check, in the helper
    qtbot.waitUntil(lambda: not window.job_bar.isVisible(), timeout=180000)
    assert rec.errors == []
    pages = _pdf_pages(target.with_suffix(".pdf"))
    assert len(pages) >= 2 and "青山镇人民政府" in pages[0].replace("\n", "")
    assert "已导出" in window.statusBar().currentMessage() and window.statusBar().currentMessage().endswith(".pdf")


@pytest.mark.render
@pytest.mark.slow
def test_export_pdf_from_the_command_line(tmp_path: Path) -> None:
    require_soffice()
    source = sample_path("dasi-2021")
    output = tmp_path / "报告.pdf"
    result = run_cli("export", str(source), "-o", str(output), timeout=300)
    assert result.returncode == 0, result.stderr
    pages = _pdf_pages(output)
    assert len(pages) >= 3
    assert "法治政府建设" in pages[0].replace("\n", "") and "大寺镇" in "".join(pages).replace("\n", "")


def test_export_pdf_from_the_command_line_without_libreoffice(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv(libreoffice.ENV_VAR, str(tmp_path / "no-soffice"))
    output = tmp_path / "报告.pdf"
    result = run_cli("export", str(sample_path("dasi-2021")), "-o", str(output))
    assert result.returncode == 2 and "没有找到 LibreOffice" in result.stderr and "另存为 PDF" in result.stderr
    assert not output.exists() and list(tmp_path.iterdir()) == []
