"""A side-by-side splitter that keeps its proportions when the window or a dock changes its width.

QSplitter gives every change of width to the widgets with a stretch factor: with the facts
form fixed and the editor stretching, opening the preview dock left the editor a few
characters a line. This one keeps the share of the first widget (the side: facts or last
year's text) as set, or as the writer last dragged it, and gives the editor the rest.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSplitter, QWidget

#: The side's share of the width until the writer drags the handle.
SIDE_SHARE = 0.4


class BalancedSplitter(QSplitter):
    """Horizontal; the first widget keeps side_share of the width (within its minimum), the last the rest."""

    def __init__(self, parent: QWidget | None = None, side_share: float = SIDE_SHARE) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.side_share = side_share
        self.setChildrenCollapsible(False)
        self.splitterMoved.connect(self._on_splitter_moved)

    def balance(self) -> None:
        """Give the side its share of the width now (the editor the rest)."""
        if self.count() < 2:
            return
        total = sum(self.sizes()) or self.width()
        side = max(self.widget(0).minimumSizeHint().width(), self.widget(0).minimumWidth(),
                   round(total * self.side_share))
        self.setSizes([side, max(0, total - side)])

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self.balance()

    def _on_splitter_moved(self, _pos: int, _index: int) -> None:
        total = sum(self.sizes())
        if total > 0 and self.count() >= 2:
            self.side_share = self.sizes()[0] / total
