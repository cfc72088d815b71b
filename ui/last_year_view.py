"""Last year's text of one part, read-only, beside the editor; paragraphs still unchanged are marked.

Which paragraphs count as unchanged is decided by the core
(drafting.carryover.unchanged_paragraphs, threshold in templates/carryover.yml);
this widget only shows the result. The part page calls show_part() when it
opens a part and refresh() after the writer edits.
"""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from drafting.carryover import unchanged_paragraphs
from drafting.model import Report

UNCHANGED_COLOR = QColor("#fff1b8")
UNCHANGED_TIP = "这一段在草稿中仍与去年基本相同：请按今年的情况修改，或确认沿用。"


class LastYearView(QWidget):
    """Read-only list of last year's paragraphs for one part."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: Report | None = None
        self.part_id = ""

        # ---- widgets ----
        self.title_label = QLabel("去年的内容")
        self.title_label.setWordWrap(True)
        self.paragraph_list = QListWidget()
        self.paragraph_list.setWordWrap(True)
        self.paragraph_list.setAlternatingRowColors(False)
        self.paragraph_list.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.paragraph_list.setObjectName("last_year_paragraphs")

        # ---- layout ----
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title_label)
        layout.addWidget(self.paragraph_list, 1)

    def show_part(self, report: Report, part_id: str) -> None:
        self.report = report
        self.part_id = part_id
        self.refresh()

    def refresh(self) -> None:
        """Re-mark the paragraphs against the draft's current text."""
        self.paragraph_list.clear()
        report = self.report
        texts = report.last_year.get(self.part_id, []) if report is not None else []
        if not texts:
            self.title_label.setText("去年的报告中没有这一部分。" if report is not None and report.last_year
                                     else "这份草稿不是从去年的报告开始的。")
            return
        marks = unchanged_paragraphs(report, self.part_id)
        for text, unchanged in zip(texts, marks, strict=True):
            item = QListWidgetItem(("【未改】" if unchanged else "") + text)
            if unchanged:
                item.setBackground(QBrush(UNCHANGED_COLOR))
                item.setToolTip(UNCHANGED_TIP)
            self.paragraph_list.addItem(item)
        count = sum(marks)
        year = report.settings.get("carried_from_year", "去")
        self.title_label.setText(f"{year} 年的内容（只读）：{len(texts)} 段，其中 {count} 段在草稿中仍未修改。")

    @property
    def unchanged_count(self) -> int:
        return sum(1 for i in range(self.paragraph_list.count())
                   if self.paragraph_list.item(i).toolTip() == UNCHANGED_TIP)
