"""The main window: start screen, outline steps, step pages, find bar, findings and preview docks, menus.

It owns exactly one DraftProject at a time and does what the menus say with
it: new, open, save, save as, export, preview, close. Every action catches
DraftingError once and shows it through ui.messages. Heavy modules (the
drafting core, python-docx, jieba) are imported only when a draft is opened,
so the window appears at once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui import dialogs, messages, settings
from ui.draft_output import export_docx, show_preview
from ui.find_bar import FindBar
from ui.findings_dock import FindingsDock
from ui.start_page import StartPage
from ui.window_menus import WindowMenus
from ui.workers import Job, JobRunner

if TYPE_CHECKING:
    from drafting.checklist.model import Finding
    from drafting.project import DraftProject
    from ui.part_editor import PartEditor
    from ui.part_page import PartPage

logger = logging.getLogger(__name__)

APP_TITLE = messages.APP_TITLE
#: Autosave this long after the last change (the issue asks for at most 5 s).
AUTOSAVE_DELAY_MS = 3000


class MainWindow(QMainWindow):
    """The application window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project: DraftProject | None = None
        self.pages: dict[str, PartPage] = {}
        self.setWindowTitle(APP_TITLE)
        screen = QGuiApplication.primaryScreen().availableGeometry()
        self.resize(min(1400, screen.width()), min(900, screen.height()))
        # widgets
        self.start_page = StartPage()
        self.page_stack = QStackedWidget()
        self.page_stack.setObjectName("page_stack")
        self.central = QStackedWidget()
        self.central.addWidget(self.start_page)
        self.central.addWidget(self.page_stack)
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
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(AUTOSAVE_DELAY_MS)
        self.menus = WindowMenus(self, self, self.find_bar.menu_actions,
                                 [self.outline_dock, self.findings_dock, self.preview_dock])
        # signals
        self.start_page.new_requested.connect(self._on_start_page_new_requested)
        self.start_page.open_requested.connect(self._on_start_page_open_requested)
        self.start_page.last_year_requested.connect(self.start_from_last_year)
        self.autosave_timer.timeout.connect(self.autosave)
        self.findings_dock.finding_activated.connect(self._on_findings_finding_activated)
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
        self._update_actions()

    def _update_actions(self) -> None:
        has = self.project is not None
        self.menus.set_draft_open(has)
        self.find_bar.set_available(has)
        name = self.project.display_name if self.project else ""
        star = " *" if self.project and self.project.is_modified else ""
        self.setWindowTitle(f"{name}{star} — {APP_TITLE}" if has else APP_TITLE)

    def page_last_editor(self) -> QWidget | None:
        page = self.current_page()
        return page.last_editor() if page is not None else None

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
        if message:
            self.statusBar().showMessage(message, message_ms)
        return True

    def set_project(self, project: DraftProject) -> None:
        """Show a project: steps on the left, its first step in the middle."""
        from ui.outline_panel import OutlinePanel, steps_for

        self._drop_pages()
        self.project = project
        outline = OutlinePanel()
        outline.step_selected.connect(self.show_step)
        self.outline_panel = outline
        self.outline_dock.setWidget(outline)
        outline.set_steps(steps_for(project.report))
        for dock in (self.outline_dock, self.findings_dock, self.preview_dock):
            dock.setVisible(True)
        self.findings_dock.raise_()
        self.findings_dock.show_project(project)
        self.resizeDocks([self.outline_dock, self.findings_dock], [275, int(self.width() * 0.22)],
                         Qt.Orientation.Horizontal)
        self.central.setCurrentWidget(self.page_stack)
        self.refresh_status()
        if project.is_modified:
            self.schedule_autosave()

    def _drop_pages(self) -> None:
        for page in self.pages.values():
            self.page_stack.removeWidget(page)
            page.deleteLater()
        self.pages = {}

    def show_step(self, step_id: str) -> None:
        if self.project is None:
            return
        if step_id in self.pages:
            self.pages[step_id].update_banner()
        page = self.page_for(step_id)
        self.page_stack.setCurrentWidget(page)
        if self.outline_panel.current_step_id() != step_id:
            self.outline_panel.select_step(step_id)

    def page_for(self, step_id: str) -> PartPage:
        """A step's page, built the first time it is needed (not shown: show_step does that)."""
        from ui.part_page import PartPage

        assert self.project is not None
        page = self.pages.get(step_id)
        if page is None:
            step = next(s for s in self.outline_panel.steps if s.id == step_id)
            page = PartPage(self.project, step)
            page.changed.connect(self._on_project_changed)
            self.pages[step_id] = page
            self.page_stack.addWidget(page)
        return page

    def current_page(self) -> PartPage | None:
        page = self.page_stack.currentWidget()
        return page if page is not None and hasattr(page, "step") else None  # type: ignore[return-value]

    def _on_project_changed(self) -> None:
        self.refresh_status()
        self.schedule_autosave()

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

    def _on_findings_finding_activated(self, finding: Finding) -> None:
        """Jump to the finding: its step's page, the flagged words selected (when still there)."""
        from drafting.checklist.fixes import locate

        if self.project is None or not finding.part:
            return
        try:
            editor = self.editor(finding.part)
        except (StopIteration, KeyError):
            return
        span = locate(self.project.report, finding)
        if span is not None and span[0] == finding.part:
            editor.select_range(span[1], span[2])
        else:
            editor.setFocus()

    def _on_findings_fix_applied(self, _finding: Finding) -> None:
        """The panel corrected the report: show the new text (undoably) in the open editors."""
        assert self.project is not None
        for page in self.pages.values():
            for part_id, editor in page.editors.items():
                editor.replace_text(self.project.part_text(part_id))
        self._on_project_changed()

    # ---- autosave ----

    def schedule_autosave(self) -> None:
        """(Re)start the single-shot timer: the copy is written shortly after the last change."""
        self.autosave_timer.start()

    def autosave(self) -> None:
        from drafting.errors import DraftingError

        if self.project is None or not self.project.is_modified:
            return
        try:
            self.project.write_recovery()
        except DraftingError as exc:
            self.statusBar().showMessage(str(exc), 10000)
            return
        self.statusBar().showMessage("已自动保存副本。", 3000)

    # ---- open, save, close ----

    def open_path(self, path: Path | None) -> bool:
        from drafting.errors import DraftingError
        from drafting.project import DraftProject

        if path is None:
            recent = settings.recent_files()
            path = dialogs.ask_open_path(self, str(recent[0].parent) if recent else "")
            if path is None:
                return False
        # Read (and lock) the file before closing the current draft: a file that cannot be opened
        # leaves the writer's draft open. The draft already open here is re-locked after closing it.
        current = self.project.path if self.project is not None else None
        reopening = current is not None and current.resolve() == Path(path).resolve()
        try:
            project = DraftProject.open(path, lock=not reopening)
        except DraftingError as exc:
            messages.show_error(self, exc)
            return False
        if not self._open_new_draft(project, relock=reopening):
            project.close()  # releases the lock taken above
            return False
        if project.path is not None:
            settings.add_recent_file(project.path)
        return True

    def save(self) -> bool:
        if self.project is None:
            return False
        if self.project.path is None:
            return self.save_as()
        return self._save_to(None)

    def save_as(self) -> bool:
        if self.project is None:
            return False
        from drafting.paths import DRAFT_SUFFIX

        base = self.project.path or self.project.source_path
        stem = base.stem if base else (self.project.report.title or "法治政府建设情况报告")
        folder = base.parent if base else Path.home()
        path = dialogs.ask_save_path(self, str(folder / f"{stem}{DRAFT_SUFFIX}"))
        if path is None:
            return False
        if not path.suffix:
            path = path.with_suffix(DRAFT_SUFFIX)
        return self._save_to(path)

    def _save_to(self, path: Path | None) -> bool:
        from drafting.errors import DraftingError

        assert self.project is not None
        try:
            saved = self.project.save(path)
        except DraftingError as exc:
            messages.show_error(self, exc)
            return False
        self.autosave_timer.stop()
        self.project.discard_recovery()
        if not self.project.is_locked:
            try:
                self.project.acquire_lock()
            except DraftingError as exc:
                self.statusBar().showMessage(str(exc), 10000)
        settings.add_recent_file(saved)
        self.statusBar().showMessage(f"已保存到 {saved}", 5000)
        self._update_actions()
        return True

    def maybe_close_project(self) -> bool:
        """Close the current draft, asking first when it has unsaved changes; False if the writer cancels."""
        if self.project is None:
            return True
        if self.project.is_modified:
            answer = dialogs.ask_save_changes(self, self.project.display_name)
            if answer == dialogs.CANCEL or (answer == dialogs.SAVE and not self.save()):
                return False
        self.autosave_timer.stop()
        self.project.close()  # releases the draft's lock and drops its recovery copy
        self.project = None
        self._drop_pages()
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
        return [pid for step in self.outline_panel.steps for pid in step.part_ids] if self.project else []

    def draft_part_text(self, part_id: str) -> str:
        assert self.project is not None
        return self.project.part_text(part_id)

    def built_editors(self) -> dict[str, PartEditor]:
        return {pid: editor for page in self.pages.values() for pid, editor in page.editors.items()}

    def shown_editors(self) -> dict[str, PartEditor]:
        page = self.current_page()
        return dict(page.editors) if page is not None else {}  # built in the step's order

    def show_status(self, text: str, timeout_ms: int) -> None:
        self.statusBar().showMessage(text, timeout_ms)

    def editor(self, part_id: str, *, show: bool = True) -> PartEditor:
        """The editor of a part, building its step's page and, when show is True, showing it."""
        step = next(s for s in self.outline_panel.steps if part_id in s.part_ids)
        if show:
            self.show_step(step.id)
        return self.page_for(step.id).editors[part_id]
