"""导出Word and 预览 for the open draft, both run off the UI thread (ui.workers).

Each works on a copy of the report, so the writer can go on typing while the
Word file or the preview pages are made. The window passes what they need.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow

from ui import dialogs, messages
from ui.workers import export_job

if TYPE_CHECKING:
    from drafting.project import DraftProject

#: The window's run_job(job, on_done, on_error=None).
RunJob = Callable[..., None]


def export_docx(window: QMainWindow, project: DraftProject, run_job: RunJob) -> None:
    """Ask where to write the Word file (never over the imported original), then write it in the background.

    With errors still open (what a reviewer returns a report for), ask first; once written, offer
    to open the file or its folder.
    """
    if not _errors_accepted(window, project):
        return
    base = project.path or project.source_path
    folder = base.parent if base else Path.home()
    path = dialogs.ask_export_path(window, str(folder / f"{project.report.title or '法治政府建设情况报告'}.docx"))
    if path is None:
        return
    if path.suffix.lower() != ".docx":
        path = path.with_suffix(".docx")
    if project.source_path is not None and path.resolve() == project.source_path.resolve():
        messages.show_error(window, "不能导出到导入的原文件，以免覆盖原件。请另选一个文件名。")
        return
    job = export_job(copy.deepcopy(project.report), path)
    run_job(job, lambda result: _exported(window, Path(result)))


def _errors_accepted(window: QMainWindow, project: DraftProject) -> bool:
    """True when no error is open, or the writer chose to export anyway."""
    from drafting.checklist.gate import errors_summary, open_errors
    from drafting.errors import DraftingError

    try:
        errors = open_errors(project.report)
    except DraftingError as exc:  # a broken county rules file: say so, export all the same
        messages.show_error(window, exc)
        return True
    if not errors:
        return True
    question = f"仍有{len(errors)}个错误：{errors_summary(errors)}，仍要导出吗？（详见右侧“检查结果”）"
    return dialogs.confirm_export_with_errors(window, question)


def _exported(window: QMainWindow, path: Path) -> None:
    window.statusBar().showMessage(f"已导出：{path}", 10000)
    answer = dialogs.ask_after_export(window, path)
    target = path if answer == dialogs.OPEN_FILE else path.parent if answer == dialogs.OPEN_FOLDER else None
    if target is not None and not dialogs.open_in_system(target):
        messages.show_info(window, f"无法自动打开，文件在：\n{path}")


def show_preview(window: QMainWindow, dock: QDockWidget, project: DraftProject, run_job: RunJob) -> None:
    """Show the preview dock and fill it with the pages as they will print, made in the background."""
    from ui.preview import PreviewPanel, preview_job

    panel = dock.widget()
    if not isinstance(panel, PreviewPanel):
        panel = PreviewPanel()
        dock.setWidget(panel)
    dock.setVisible(True)
    dock.raise_()
    window.resizeDocks([dock], [int(window.width() * 0.38)], Qt.Orientation.Horizontal)
    panel.show_note("正在生成预览，请稍候……（可以继续写作）")
    report = copy.deepcopy(project.report)
    run_job(lambda progress: preview_job(report, progress), panel.show_pages, on_error=panel.show_note)
