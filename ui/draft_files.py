"""打开, 保存, 另存为 and the autosaved copy of the window's draft, and asking to save before it closes.

DraftFiles asks the writer (ui.dialogs), reads and writes through DraftProject,
shows what went wrong (ui.messages) or what was done (the status bar) and says
whether it worked. The window keeps the draft and what is on screen: it hands
in a callable for the draft open now and one to call after each save, so this
module never imports the window.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMainWindow

from ui import dialogs, messages, settings

if TYPE_CHECKING:
    from drafting.project import DraftProject

#: Autosave this long after the last change (the issue asks for at most 5 s).
AUTOSAVE_DELAY_MS = 3000


class DraftFiles(QObject):
    """Opens and saves the window's draft; writes its recovery copy shortly after the last change."""

    def __init__(self, window: QMainWindow, current_draft: Callable[[], DraftProject | None],
                 on_saved: Callable[[], None]) -> None:
        super().__init__(window)
        self.main_window = window
        self.current_draft = current_draft
        self.on_saved = on_saved
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(AUTOSAVE_DELAY_MS)
        self.autosave_timer.timeout.connect(self.autosave)

    # ---- autosave ----

    def schedule_autosave(self) -> None:
        """(Re)start the single-shot timer: the copy is written shortly after the last change."""
        self.autosave_timer.start()

    def autosave(self) -> None:
        from drafting.errors import DraftingError

        project = self.current_draft()
        if project is None or not project.is_modified:
            return
        try:
            project.write_recovery()
        except DraftingError as exc:
            self.main_window.statusBar().showMessage(str(exc), 10000)
            return
        self.main_window.statusBar().showMessage("已自动保存副本。", 3000)

    # ---- open, save, close ----

    def read(self, path: Path | None) -> tuple[DraftProject, bool] | None:
        """The draft at path, or at the one the writer picks for None; None if cancelled or unreadable (shown).

        The draft is read and locked before the one open now is closed, so a file that
        cannot be opened leaves the writer's draft open. The bool says path is the draft
        open now: it is read without its lock, to be locked again once that one is closed.
        """
        from drafting.errors import DraftingError
        from drafting.project import DraftProject

        if path is None:
            path = dialogs.ask_open_path(self.main_window)
            if path is None:
                return None
        open_now = self.current_draft()
        current = open_now.path if open_now is not None else None
        reopening = current is not None and current.resolve() == Path(path).resolve()
        try:
            return DraftProject.open(path, lock=not reopening), reopening
        except DraftingError as exc:
            messages.show_error(self.main_window, exc)
            return None

    def save(self) -> bool:
        project = self.current_draft()
        if project is None:
            return False
        if project.path is None:
            return self.save_as()
        return self._save_to(project, None)

    def save_as(self) -> bool:
        project = self.current_draft()
        if project is None:
            return False
        from drafting.files.output_path import suggested_file_name
        from drafting.paths import DRAFT_SUFFIX

        # A saved draft is offered under its own name; a new one (or one started from last
        # year's file) under the report's name, in the folder the dialogs start in.
        meta = project.report.meta
        suggested = str(project.path) if project.path else suggested_file_name(meta.org, meta.year, DRAFT_SUFFIX)
        path = dialogs.ask_save_path(self.main_window, suggested)
        if path is None:
            return False
        if not path.suffix:
            path = path.with_suffix(DRAFT_SUFFIX)
        return self._save_to(project, path)

    def _save_to(self, project: DraftProject, path: Path | None) -> bool:
        from drafting.errors import DraftingError

        try:
            saved = project.save(path)
        except DraftingError as exc:
            messages.show_error(self.main_window, exc)
            return False
        self.autosave_timer.stop()
        project.discard_recovery()
        if not project.is_locked:
            try:
                project.acquire_lock()
            except DraftingError as exc:
                self.main_window.statusBar().showMessage(str(exc), 10000)
        settings.add_recent_file(saved)
        self.main_window.statusBar().showMessage(f"已保存到 {saved}", 5000)
        self.on_saved()
        return True

    def confirm_close(self) -> bool:
        """Before the draft closes: ask to save unsaved changes, stop the autosave; False if the writer cancels."""
        project = self.current_draft()
        if project is not None and project.is_modified:
            answer = dialogs.ask_save_changes(self.main_window, project.display_name)
            if answer == dialogs.CANCEL or (answer == dialogs.SAVE and not self.save()):
                return False
        self.autosave_timer.stop()
        return True
