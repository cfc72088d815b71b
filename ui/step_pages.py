"""The step pages in the middle of the window: one page (ui.part_page) per writing step, built when first shown.

It shows the step chosen in the outline, finds a part's editor (for the find
bar and the findings), selects the words a finding flags and puts a fix's new
text in the editors. It holds the open draft and its outline, handed in by the
window, and says through changed() that the writer changed the draft, so it
never imports the window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

if TYPE_CHECKING:  # the pages load with the first draft, not before the window shows
    from drafting.checklist.model import Finding
    from drafting.project import DraftProject
    from ui.outline_panel import OutlinePanel
    from ui.part_editor import PartEditor
    from ui.part_page import PartPage


class StepPages(QStackedWidget):
    """The pages of the open draft's writing steps; emits changed() after anything in the draft changed."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_stack")
        self.project: DraftProject | None = None
        self.outline: OutlinePanel | None = None
        self.pages: dict[str, PartPage] = {}

    def show_draft(self, project: DraftProject, outline: OutlinePanel) -> None:
        """Hold project, whose steps outline lists: the step selected there is the page shown."""
        self.clear()
        self.project = project
        self.outline = outline
        outline.step_selected.connect(self.show_step)

    def clear(self) -> None:
        """Drop every page and the draft (it is closed, or another one comes)."""
        for page in self.pages.values():
            self.removeWidget(page)
            page.deleteLater()
        self.pages = {}
        self.project = None

    def show_step(self, step_id: str) -> None:
        if self.project is None or self.outline is None:
            return
        if step_id in self.pages:
            self.pages[step_id].update_banner()
        page = self.page_for(step_id)
        self.setCurrentWidget(page)
        if self.outline.current_step_id() != step_id:
            self.outline.select_step(step_id)

    def page_for(self, step_id: str) -> PartPage:
        """A step's page, built the first time it is needed (not shown: show_step does that)."""
        from ui.part_page import PartPage

        assert self.project is not None and self.outline is not None
        page = self.pages.get(step_id)
        if page is None:
            step = next(s for s in self.outline.steps if s.id == step_id)
            page = PartPage(self.project, step)
            page.changed.connect(self.changed.emit)
            self.pages[step_id] = page
            self.addWidget(page)
        return page

    def current_page(self) -> PartPage | None:
        page = self.currentWidget()
        return page if page is not None and hasattr(page, "step") else None  # type: ignore[return-value]

    def last_editor(self) -> QWidget | None:
        """The editor last used on the page shown (None without a page)."""
        page = self.current_page()
        return page.last_editor() if page is not None else None

    # ---- the editors ----

    def part_ids(self) -> list[str]:
        """Every part, in the order the writing steps show them (the report's order)."""
        if self.project is None or self.outline is None:
            return []
        return [pid for step in self.outline.steps for pid in step.part_ids]

    def editor(self, part_id: str, *, show: bool = True) -> PartEditor:
        """The editor of a part, building its step's page and, when show is True, showing it."""
        assert self.outline is not None
        step = next(s for s in self.outline.steps if part_id in s.part_ids)
        if show:
            self.show_step(step.id)
        return self.page_for(step.id).editors[part_id]

    def built_editors(self) -> dict[str, PartEditor]:
        return {pid: editor for page in self.pages.values() for pid, editor in page.editors.items()}

    def shown_editors(self) -> dict[str, PartEditor]:
        page = self.current_page()
        return dict(page.editors) if page is not None else {}  # built in the step's order

    def show_finding(self, finding: Finding) -> None:
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

    def reload_texts(self) -> None:
        """The report was corrected (a fix): show the new text, undoably, in every editor built."""
        assert self.project is not None
        for part_id, editor in self.built_editors().items():
            editor.replace_text(self.project.part_text(part_id))
