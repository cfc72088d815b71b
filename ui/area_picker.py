"""The sub-areas of 主要举措和成效 to write about: ticked and ordered by the writer.

The list offers the areas of the plan in force for the report's year (templates/areas.yml); the
ticked ones, in their order, become the part's level-2 headings. It only shows and reports the
choice; DraftProject.set_areas stores it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from drafting.data.areas import areas_for_year
from drafting.project import DraftProject


class AreaPicker(QWidget):
    """Checkable, orderable list of the sub-areas offered for the report year."""

    areas_changed = Signal(list)

    def __init__(self, project: DraftProject, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        report = project.report
        plan_id = report.settings.plan_id
        offered = areas_for_year(report.meta.year, plan_id)
        chosen = project.area_ids
        by_id = {a.id: a for a in offered}
        ordered = [by_id[i] for i in chosen if i in by_id] + [a for a in offered if a.id not in chosen]
        # widgets
        self.area_list = QListWidget()
        self.area_list.setObjectName("area_list")
        for area in ordered:
            item = QListWidgetItem(area.heading_for(plan_id))
            item.setData(Qt.ItemDataRole.UserRole, area.id)
            item.setToolTip(f"{area.name}" + ("（乡镇常见工作）" if area.is_common else ""))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if area.id in chosen else Qt.CheckState.Unchecked)
            self.area_list.addItem(item)
        self.area_list.setWordWrap(True)  # long headings wrap in a narrow column
        self.area_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.area_list.setFixedHeight(min(260, self.area_list.sizeHintForRow(0) * len(ordered) + 8))
        self.up_button = QPushButton("上移")
        self.down_button = QPushButton("下移")
        # signals
        self.area_list.itemChanged.connect(lambda _item: self._emit())
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        # layout
        buttons = QVBoxLayout()
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.area_list, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        hint = QLabel("勾选要写的子领域，用“上移/下移”排列顺序（生成（一）（二）……）：")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addLayout(row)

    def checked_ids(self) -> list[str]:
        items = (self.area_list.item(i) for i in range(self.area_list.count()))
        return [it.data(Qt.ItemDataRole.UserRole) for it in items if it.checkState() == Qt.CheckState.Checked]

    def set_checked(self, area_id: str, checked: bool) -> None:
        for i in range(self.area_list.count()):
            item = self.area_list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == area_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def move_current(self, delta: int) -> None:
        row = self.area_list.currentRow()
        target = row + delta
        if row < 0 or not 0 <= target < self.area_list.count():
            return
        self.area_list.blockSignals(True)
        item = self.area_list.takeItem(row)
        self.area_list.insertItem(target, item)
        self.area_list.setCurrentRow(target)
        self.area_list.blockSignals(False)
        self._emit()

    def _emit(self) -> None:
        self.areas_changed.emit(self.checked_ids())
