"""导出Word and 预览 for the open draft, both run off the UI thread (ui.workers).

Each works on a copy of the report, so the writer can go on typing while the
Word file or the preview pages are made. Before an export the open errors are
the findings panel's, checked in the checklist's helper process. The window
passes what they need.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow

from ui import dialogs, messages
from ui.workers import ProgressFn, export_job

if TYPE_CHECKING:
    from drafting.project import DraftProject

#: The window's run_job(job, on_done, on_error=None).
RunJob = Callable[..., None]


def suggested_output(project: DraftProject, suffix: str) -> str:
    """The name an export is offered under: the report's name, beside the saved draft (else a bare name,
    which the dialog puts in its start folder)."""
    from drafting.files.output_path import suggested_file_name

    name = suggested_file_name(project.report.meta.org, project.report.meta.year, suffix)
    return str(project.path.parent / name) if project.path is not None else name


def export_docx(window: QMainWindow, project: DraftProject, run_job: RunJob) -> None:
    """Ask where to write the Word file (never over the imported original), then write it in the background.

    With errors still open (what a reviewer returns a report for), ask first; once written, offer
    to open the file or its folder.
    """
    _when_errors_accepted(window, project, lambda: _export_docx_to(window, project, run_job))


def _ask_output(window: QMainWindow, project: DraftProject, ask: Callable[..., Path | None], suffix: str) -> Path | None:
    """Where to export (with the suffix), or None when cancelled or it is the imported original."""
    path = ask(window, suggested_output(project, suffix))
    if path is None:
        return None
    if path.suffix.lower() != suffix:
        path = path.with_suffix(suffix)
    if project.source_path is not None and path.resolve() == project.source_path.resolve():
        messages.show_error(window, "不能导出到导入的原文件，以免覆盖原件。请另选一个文件名。")
        return None
    return path


def _export_docx_to(window: QMainWindow, project: DraftProject, run_job: RunJob) -> None:
    path = _ask_output(window, project, dialogs.ask_export_path, ".docx")
    if path is None:
        return
    job = export_job(copy.deepcopy(project.report), path)
    run_job(job, lambda result: _exported(window, Path(result)))


def _when_errors_accepted(window: QMainWindow, project: DraftProject, then: Callable[[], None]) -> None:
    """then() when no error is open, or the writer chose to export anyway.

    The errors are the findings panel's, checked in its helper process for the report as it is
    now (a county rule that runs for ever is stopped there, never on the UI thread).
    """
    dock = getattr(window, "findings_dock", None)
    panel = getattr(dock, "panel", None)
    if panel is None or panel.project is not project:  # the checklist is an optional part of the window
        then()
        return

    def decide(findings: list | None, problem: str) -> None:
        window.statusBar().clearMessage()
        if findings is None:  # a broken county rules file, a check stopped: say so, export all the same
            messages.show_error(window, problem)
            then()
            return
        errors = [f for f in findings if f.severity.value == "error"]
        from drafting.checklist.gate import errors_summary

        question = f"仍有{len(errors)}个错误：{errors_summary(errors)}，仍要导出吗？（详见右侧“检查结果”）"
        if not errors or dialogs.confirm_export_with_errors(window, question):
            then()

    window.statusBar().showMessage("导出前正在检查是否仍有错误…")
    panel.when_checked(decide)


def _exported(window: QMainWindow, path: Path) -> None:
    window.statusBar().showMessage(f"已导出：{path}", 10000)
    answer = dialogs.ask_after_export(window, path)
    target = path if answer == dialogs.OPEN_FILE else path.parent if answer == dialogs.OPEN_FOLDER else None
    if target is not None and not dialogs.open_in_system(target):
        messages.show_info(window, f"无法自动打开，文件在：\n{path}")


def export_pdf(window: QMainWindow, project: DraftProject, run_job: RunJob) -> None:
    """导出PDF: the Word file laid out by LibreOffice, for publishing (政务公开); says so plainly without it."""
    from drafting.export.pdf import NO_LIBREOFFICE_FOR_PDF
    from drafting.files import libreoffice

    if libreoffice.find_soffice() is None:
        messages.show_error(window, NO_LIBREOFFICE_FOR_PDF)
        return
    _when_errors_accepted(window, project, lambda: _export_pdf_to(window, project, run_job))


def _export_pdf_to(window: QMainWindow, project: DraftProject, run_job: RunJob) -> None:
    path = _ask_output(window, project, dialogs.ask_pdf_path, ".pdf")
    if path is None:
        return
    report = copy.deepcopy(project.report)

    def job(progress: ProgressFn) -> Path:
        from drafting.export.pdf import export_pdf as write_pdf

        progress(20, "正在用 LibreOffice 导出 PDF…")
        return write_pdf(report, path)

    run_job(job, lambda result: _exported(window, Path(result)))


#: The width the editors keep beside the preview (with the steps on the left), in pixels.
EDITING_WIDTH = 640


def preview_width(window: QMainWindow) -> int:
    """The preview's width: about 38% of the window, leaving the facts and the editor room to work."""
    steps = window.findChild(QDockWidget, "outline_dock")
    left = steps.width() if steps is not None and steps.isVisible() else 0
    return max(320, min(int(window.width() * 0.38), window.width() - left - EDITING_WIDTH))


def _give_width_back(window: QMainWindow, dock: QDockWidget) -> None:
    """The preview is hidden (closed, or the 检查结果 tab chosen): the right side gets its width back."""
    if not shiboken6.isValid(window) or not window.isVisible():
        return  # the window is closing
    width = dock.property("return_width")
    shown = [d for d in window.tabifiedDockWidgets(dock) if d.isVisible()]
    if width and shown:
        window.resizeDocks(shown, [int(width)], Qt.Orientation.Horizontal)


def show_preview(window: QMainWindow, dock: QDockWidget, project: DraftProject, run_job: RunJob) -> None:
    """Show the preview dock and fill it with the pages as they will print, made in the background."""
    from ui.preview import PreviewPanel, preview_job

    panel = dock.widget()
    if not isinstance(panel, PreviewPanel):
        panel = PreviewPanel()
        dock.setWidget(panel)
    siblings = window.tabifiedDockWidgets(dock)
    if siblings and not dock.isVisible() or dock.property("return_width") is None:
        # The width the checks had: given back when the preview is hidden again.
        dock.setProperty("return_width", max((d.width() for d in siblings if d.isVisible()), default=0))
    if not dock.property("restores_width"):
        dock.setProperty("restores_width", True)
        dock.visibilityChanged.connect(lambda shown: shown or _give_width_back(window, dock))
    dock.setVisible(True)
    dock.raise_()
    window.resizeDocks([dock], [preview_width(window)], Qt.Orientation.Horizontal)
    panel.show_note("正在生成预览，请稍候……（可以继续写作）")
    report = copy.deepcopy(project.report)
    run_job(lambda progress: preview_job(report, progress), panel.show_pdf, on_error=panel.show_note)
