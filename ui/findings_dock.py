"""The 检查结果 dock: holds the checklist's findings panel (ui/findings_panel.py) for the open draft.

The panel is built with the first draft (the checklist is an optional part of
the window: without it the dock keeps its placeholder). The dock passes on the
panel's signals and sums its findings up per part for the outline.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDockWidget, QLabel, QWidget

if TYPE_CHECKING:
    from drafting.project import DraftProject
    from ui.findings_panel import FindingsPanel

logger = logging.getLogger(__name__)


class FindingsDock(QDockWidget):
    """The findings of the open draft, beside the step pages."""

    finding_activated = Signal(object)
    fix_applied = Signal(object)
    #: part id -> the messages of its errors and warnings (what marks a step 有问题).
    problems_changed = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("检查结果", parent)
        self.setObjectName("findings_dock")
        self.setWidget(QLabel("  检查结果将显示在这里。"))
        self.panel: FindingsPanel | None = None

    def show_project(self, project: DraftProject | None) -> None:
        """Check project (or show nothing for None), building the panel the first time."""
        if self.panel is not None:
            self.panel.set_project(project)
            return
        if project is None:
            return
        try:
            from ui.findings_panel import FindingsPanel
        except ImportError:  # the checklist is an optional part of the window
            logger.exception("findings panel unavailable")
            return
        panel = FindingsPanel(project, self)
        panel.finding_activated.connect(self.finding_activated.emit)
        panel.fix_applied.connect(self.fix_applied.emit)
        panel.findings_changed.connect(self._on_panel_findings_changed)
        self.panel = panel
        self.setWidget(panel)

    def refresh(self) -> None:
        if self.panel is not None:
            self.panel.refresh()

    def _on_panel_findings_changed(self, findings: list) -> None:
        by_part: dict[str, list[str]] = {}
        for finding in findings:
            if finding.part and finding.severity.value in ("error", "warning"):
                by_part.setdefault(finding.part, []).append(finding.message)
        self.problems_changed.emit(by_part)
