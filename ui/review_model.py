"""The county review's summary as a Qt table model: the columns of drafting.review.table, numbers
sortable as numbers, and the colours of the workbook (missing parts, many errors, copied text,
unreadable files)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from drafting.review.batch import ReviewResult
from drafting.review.config import ReviewConfig, default_review_config
from drafting.review.summary import ReportSummary
from drafting.review.table import (
    ABSENT,
    COL_ERRORS,
    COL_LAST_YEAR,
    COL_SHARE,
    PRESENT,
    summary_columns,
    summary_values,
)

#: The role the proxy sorts by: numbers as numbers, blanks last.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
_RED, _ORANGE, _GREY, _GREEN = QColor("#ffc7ce"), QColor("#ffd8a8"), QColor("#e0e0e0"), QColor("#c6efce")

Index = QModelIndex | QPersistentModelIndex


class ReviewTableModel(QAbstractTableModel):
    """One row per file of a ReviewResult."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.result: ReviewResult | None = None
        self.config: ReviewConfig = default_review_config()
        self._columns: list[Any] = []
        self._values: list[list[object]] = []

    def set_result(self, result: ReviewResult | None) -> None:
        self.beginResetModel()
        self.result = result
        self._columns = summary_columns(result) if result is not None else []
        self._values = [summary_values(row, result.optional_parts) for row in result.summaries] if result is not None else []
        self.endResetModel()

    def summary(self, row: int) -> ReportSummary | None:
        if self.result is None or not 0 <= row < len(self.result.summaries):
            return None
        return self.result.summaries[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt override)
        return 0 if parent.isValid() else len(self._values)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt override)
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt override)
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self._columns):
            return self._columns[section].header
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = self._values[index.row()][index.column()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if value is None:
                return ""
            return f"{value:.0%}" if column.kind == "share" and isinstance(value, float) else str(value)
        if role == SORT_ROLE:
            if column.kind in ("int", "share"):
                return float(value) if isinstance(value, (int, float)) else -1.0
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(index.row(), index.column(), value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind in ("int", "share", "part"):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and isinstance(value, str) and len(value) > 20:
            return value
        return None

    def _background(self, row: int, column: int, value: object) -> QBrush | None:
        summary = self.summary(row)
        if summary is not None and not summary.readable:
            return QBrush(_GREY)
        if value == ABSENT:
            return QBrush(_RED)
        if value == PRESENT:
            return QBrush(_GREEN)
        if column == COL_ERRORS and isinstance(value, int) and value >= self.config.error_alert:
            return QBrush(_RED)
        if column in (COL_SHARE, COL_LAST_YEAR) and isinstance(value, float) and value >= self.config.share_alert:
            return QBrush(_ORANGE)
        return None
