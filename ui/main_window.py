"""The main window: start screen, outline steps, step pages, find bar, findings and preview docks, menus.

It owns exactly one DraftProject at a time and does what the menus say with
it: new, open, save, save as, export, preview, close. The step pages
(ui.step_pages), the draft's files and autosave (ui.draft_files) and export and
preview (ui.draft_output) do the work. Every action catches DraftingError once
and shows it through ui.messages. Heavy modules (the drafting core,
python-docx, jieba) are imported only when a draft is opened, so the window
appears at once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui import messages, settings
from ui.app_identity import app_icon
from ui.draft_files import DraftFiles
from ui.draft_output import export_docx, export_pdf, show_preview
from ui.find_bar import FindBar
from ui.findings_dock import FindingsDock
from ui.start_page import StartPage
from ui.step_pages import StepPages
from ui.window_menus import WindowMenus
from ui.workers import Job, JobRunner

if TYPE_CHECKING:
    from drafting.checklist.model import Finding
    from drafting.project import DraftProject
    from ui.part_editor import PartEditor

logger = logging.getLogger(__name__)

APP_TITLE = messages.APP_TITLE
#: How long a note on a draft's set-aside setting stays in the status bar.
LOAD_NOTE_MS = 60000


class MainWindow(QMainWindow):
    """The application window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project: DraftProject | None = None
        self.setWindowTitle(APP_TITLE)
        self.setWindowIcon(app_icon())
        screen = QGuiApplication.primaryScreen().availableGeometry()
        self.resize(min(1400, screen.width()), min(900, screen.height()))
        # widgets
        self.start_page = StartPage()
        self.step_pages = StepPages()
        self.central = QStackedWidget()
        self.central.addWidget(self.start_page)
        self.central.addWidget(self.step_pages)
        self.find_bar = FindBar(self, self)
        self.outline_dock = QDockWidget("写作步骤", self)
        self.outline_dock.setObjectName("outline_dock")
        self.findings_dock = FindingsDock(self)
        self.preview_dock = QDockWidget("预览", self)
        self.preview_dock.setObjectName("preview_dock")
        self.job_bar = QProgressBar()
        self.job_bar.setMaximumWidth(220)
        self.job_bar.setVisible(False)
        self.statusBar().addPermanentWidget(self.job_bar)
        self.job_runner = JobRunner(self.job_bar, self.statusBar(), self)
        self.files = DraftFiles(self, lambda: self.project, self._update_actions)
        self.menus = WindowMenus(self, self, self.find_bar.menu_actions,
                                 [self.outline_dock, self.findings_dock, self.preview_dock])
        # signals
        self.start_page.new_requested.connect(self._on_start_page_new_requested)
        self.start_page.open_requested.connect(self._on_start_page_open_requested)
        self.start_page.last_year_requested.connect(self.start_from_last_year)
        self.step_pages.changed.connect(self._on_project_changed)
        self.findings_dock.finding_activated.connect(self.step_pages.show_finding)
        self.findings_dock.fix_applied.connect(self._on_findings_fix_applied)
        self.findings_dock.problems_changed.connect(self._on_findings_problems_changed)
        # layout
        holder = QWidget()
        central_box = QVBoxLayout(holder)
        central_box.setContentsMargins(0, 0, 0, 0)
        central_box.addWidget(self.central, 1)
        central_box.addWidget(self.find_bar)
        self.setCentralWidget(holder)
        for dock, area in ((self.outline_dock, Qt.DockWidgetArea.LeftDockWidgetArea),
                           (self.findings_dock, Qt.DockWidgetArea.RightDockWidgetArea),
                           (self.preview_dock, Qt.DockWidgetArea.RightDockWidgetArea)):
            self.addDockWidget(area, dock)
            dock.setVisible(False)
        self.tabifyDockWidget(self.findings_dock, self.preview_dock)
        self.start_page.set_recent(settings.recent_files())
        settings.restore_window_layout(self)
        # The saved layout may show the docks: the start page stands alone until a report is open.
        for dock in (self.outline_dock, self.findings_dock, self.preview_dock):
            dock.setVisible(False)
        self._update_actions()

    def _update_actions(self) -> None:
        has = self.project is not None
        self.menus.set_draft_open(has)
        self.find_bar.set_available(has)
        name = self.project.display_name if self.project else ""
        star = " *" if self.project and self.project.is_modified else ""
        self.setWindowTitle(f"{name}{star} — {APP_TITLE}" if has else APP_TITLE)

    def page_last_editor(self) -> QWidget | None:
        return self.step_pages.last_editor()

    # ---- start page ----

    def show_start_page(self) -> None:
        if not self.maybe_close_project():
            return
        self.start_page.set_recent(settings.recent_files())
        self.central.setCurrentWidget(self.start_page)
        self.start_page.org_edit.setFocus()

    def _on_start_page_new_requested(self, org: str, year: int, addressee: str, plan_name: str = "") -> None:
        from drafting.errors import DraftingError
        from drafting.project import DraftProject
        from drafting.writing.new_report import new_report

        try:
            report = new_report(org, year, addressee, plan_name or None)
        except DraftingError as exc:
            messages.show_error(self, exc)
            return
        project = DraftProject(report)
        project.mark_modified()
        self._open_new_draft(project)

    def _on_start_page_open_requested(self, path: str) -> None:
        self.open_path(Path(path) if path else None)

    def start_from_last_year(self) -> bool:
        """Start a new draft from last year's report (.docx, .doc, .wps, .txt or a draft); False if none.

        The new draft has no file yet (saving asks for a name) and remembers the file
        it was read from only so that it is never saved or exported over it.
        """
        from drafting.project import DraftProject
        from ui.import_dialog import start_from_last_year

        result = start_from_last_year(self)  # shows its own errors
        if result is None:
            return False
        report, source = result
        project = DraftProject(report, None, source_path=source)
        project.mark_modified()
        old = report.settings.carried_from_year or "去"
        note = (f"已从“{source.name}”（{old} 年）开始 {report.meta.year} 年的新草稿。各部分左侧是去年的内容："
                "标为【未改】的段落请改写或确认沿用，正文中黄底的年份请核对。")
        if not self._open_new_draft(project, note, 20000):
            return False
        logger.info("window opened a %s draft started from %s", report.meta.year, source.name)
        return True

    def offer_recovery(self) -> bool:
        """After a crash or kill, offer the autosaved copies (ui.recovery_offer); True when one was restored."""
        from ui.recovery_offer import recovered_project

        project = recovered_project(self)
        return project is not None and self._open_new_draft(project, "已恢复自动保存的草稿，请检查后保存。", 10000)

    # ---- the project ----

    def _open_new_draft(self, project: DraftProject, message: str = "", message_ms: int = 0, *,
                        relock: bool = False) -> bool:
        """The one way a draft comes onto the screen (新建报告, 打开, 恢复, 从去年的报告开始).

        Closes the draft open now (asking to save it first), shows project on its first
        step and says message in the status bar. relock: project was read without its lock
        because it is the draft open now; it is locked again once that one is closed.
        False when the writer cancels or the lock cannot be had (the error is shown).
        """
        from drafting.errors import DraftingError

        if not self.maybe_close_project():
            return False
        if relock:
            try:
                project.acquire_lock()
            except DraftingError as exc:
                messages.show_error(self, exc)
                return False
        self.set_project(project)  # its outline selects the first step, which shows it
        if project.report.load_notes:  # a setting of the wrong type set aside: the writer hears of it
            message = "　".join([*project.report.load_notes, message]).strip()
            message_ms = max(message_ms, LOAD_NOTE_MS) if message_ms else 0
        if message:
            self.statusBar().showMessage(message, message_ms)
        return True

    def set_project(self, project: DraftProject) -> None:
        """Show a project: steps on the left, its first step in the middle."""
        from ui.outline_panel import OutlinePanel, steps_for

        self.project = project
        outline = OutlinePanel()
        self.step_pages.show_draft(project, outline)
        self.outline_panel = outline
        self.outline_dock.setWidget(outline)
        outline.set_steps(steps_for(project.report))
        for dock in (self.outline_dock, self.findings_dock, self.preview_dock):
            dock.setVisible(True)
        self.findings_dock.raise_()
        self.findings_dock.show_project(project)
        self.resizeDocks([self.outline_dock, self.findings_dock], [275, int(self.width() * 0.22)],
                         Qt.Orientation.Horizontal)
        self.central.setCurrentWidget(self.step_pages)
        self.refresh_status()
        if project.is_modified:
            self.files.schedule_autosave()

    def _on_project_changed(self) -> None:
        self.refresh_status()
        self.files.schedule_autosave()

    def refresh_status(self) -> None:
        if self.project is not None:
            self.outline_panel.refresh(self.project)
            self.findings_dock.refresh()
        self._update_actions()

    def _on_findings_problems_changed(self, by_part: dict[str, list[str]]) -> None:
        """Errors and warnings mark their step 有问题 in the outline."""
        if self.project is not None:
            self.project.findings = by_part
            self.outline_panel.refresh(self.project)

    def _on_findings_fix_applied(self, _finding: Finding) -> None:
        """The panel corrected the report: show the new text (undoably) in the open editors."""
        self.step_pages.reload_texts()
        self._on_project_changed()

    # ---- open, save, close ----

    def open_path(self, path: Path | None) -> bool:
        """Open the draft at path (the writer picks one for None); False if cancelled or it cannot be opened."""
        opened = self.files.read(path)
        if opened is None:
            return False
        project, reopening = opened
        if not self._open_new_draft(project, relock=reopening):
            project.close()  # releases the lock taken when it was read
            return False
        if project.path is not None:
            settings.add_recent_file(project.path)
        return True

    def save(self) -> bool:
        return self.files.save()

    def save_as(self) -> bool:
        return self.files.save_as()

    def maybe_close_project(self) -> bool:
        """Close the current draft, asking first when it has unsaved changes; False if the writer cancels."""
        if self.project is None:
            return True
        if not self.files.confirm_close():
            return False
        self.project.close()  # releases the draft's lock and drops its recovery copy
        self.project = None
        self.step_pages.clear()
        for dock in (self.outline_dock, self.findings_dock, self.preview_dock):
            dock.setVisible(False)
        self.findings_dock.show_project(None)
        self._update_actions()
        return True

    def close_project(self) -> None:
        if self.maybe_close_project():
            self.show_start_page()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        settings.save_window_layout(self)
        if not self.maybe_close_project():
            event.ignore()
            return
        event.accept()

    # ---- export and preview (off the UI thread) ----

    def export_docx(self) -> None:
        if self.project is not None:
            export_docx(self, self.project, self.run_job)

    def export_pdf(self) -> None:
        if self.project is not None:
            export_pdf(self, self.project, self.run_job)

    def preview(self) -> None:
        if self.project is not None:
            show_preview(self, self.preview_dock, self.project, self.run_job)

    def run_job(self, job: Job, on_done: Callable[[Any], None], on_error: Callable[[str], None] | None = None) -> None:
        """Run a job in the background with visible progress; the window stays responsive."""
        self.last_job = self.job_runner.run(job, on_done, on_error or (lambda text: messages.show_error(self, text)))

    # ---- the open draft's editors (what the find bar asks, ui.find_bar.FindHost) ----

    def has_draft(self) -> bool:
        return self.project is not None

    def draft_part_ids(self) -> list[str]:
        """Every part, in the order the writing steps show them (the report's order)."""
        return self.step_pages.part_ids()

    def draft_part_text(self, part_id: str) -> str:
        assert self.project is not None
        return self.project.part_text(part_id)

    def built_editors(self) -> dict[str, PartEditor]:
        return self.step_pages.built_editors()

    def shown_editors(self) -> dict[str, PartEditor]:
        return self.step_pages.shown_editors()

    def show_status(self, text: str, timeout_ms: int) -> None:
        self.statusBar().showMessage(text, timeout_ms)

    def editor(self, part_id: str, *, show: bool = True) -> PartEditor:
        """The editor of a part, building its step's page and, when show is True, showing it."""
        return self.step_pages.editor(part_id, show=show)
