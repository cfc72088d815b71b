"""The review's charts in the window: the page's SVG through QSvgWidget, or, where QtSvg is missing
from the installed PySide6, a plain painted bar chart of the problems per township."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from drafting.review.charts import KIND_COLOURS

try:  # QtSvgWidgets ships with PySide6-Essentials, but a trimmed build may lack it
    from PySide6.QtSvgWidgets import QSvgWidget
except ImportError:  # pragma: no cover - depends on the installed PySide6
    QSvgWidget = None  # type: ignore[assignment,misc]


def svg_chart(svg: str, problems: list[tuple[str, dict[str, int]]] | None = None,
              parent: QWidget | None = None) -> QWidget:
    """A widget showing the SVG at its own size (or the painted fallback for the problems chart)."""
    if QSvgWidget is not None:
        widget = QSvgWidget(parent)
        widget.load(QByteArray(svg.encode("utf-8")))
        widget.setFixedSize(widget.renderer().defaultSize())
        return widget
    return PaintedBars(problems or [], parent)


class PaintedBars(QWidget):
    """Stacked horizontal bars, one per township (errors, warnings, notes)."""

    ROW = 22

    def __init__(self, rows: list[tuple[str, dict[str, int]]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = rows
        self.setMinimumSize(QSize(560, 30 + self.ROW * max(1, len(rows))))

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        most = max((sum(c.values()) for _l, c in self.rows), default=0) or 1
        label_width, area = 140, self.width() - 200
        for index, (label, counts) in enumerate(self.rows):
            y = 10 + index * self.ROW
            painter.setPen(QColor("black"))
            painter.drawText(QRectF(0, y, label_width - 8, self.ROW), int(Qt.AlignmentFlag.AlignRight
                                                                              | Qt.AlignmentFlag.AlignVCenter), label)
            x = float(label_width)
            for kind, colour in KIND_COLOURS.items():
                width = area * counts.get(kind, 0) / most
                painter.fillRect(QRectF(x, y + 3, width, self.ROW - 6), QColor(colour))
                x += width
            painter.drawText(QRectF(x + 6, y, 60, self.ROW), int(Qt.AlignmentFlag.AlignVCenter),
                             str(sum(counts.values())))
        painter.end()
