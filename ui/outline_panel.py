"""The outline on the left: the writing steps with a status each, and overall progress.

Steps: 标题和主送机关, 开头段, each statutory part in the report's own order
(其他需要报告的情况 included), 署名和日期. A step's status comes from its parts'
statuses as DraftProject.part_status reports them.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QProgressBar, QVBoxLayout, QWidget

from drafting.data.outline import default_outline
from drafting.model import STATUTORY, Report
from drafting.project import DraftProject
from drafting.writing.status import STATUS_DONE, STATUS_DRAFT, STATUS_EMPTY, STATUS_PROBLEM

_STATUS_COLOURS = {
    STATUS_EMPTY: "#777777",
    STATUS_DRAFT: "#1f4e9c",
    STATUS_DONE: "#1a7f37",
    STATUS_PROBLEM: "#b00020",
}
_STATUS_MARKS = {STATUS_EMPTY: "○", STATUS_DRAFT: "◐", STATUS_DONE: "●", STATUS_PROBLEM: "！"}


@dataclass(frozen=True)
class Step:
    """One step of the outline: an id, what the list shows, and the parts it edits."""

    id: str
    name: str
    part_ids: tuple[str, ...]


def steps_for(report: Report) -> list[Step]:
    """The steps for a report, statutory parts in the order the report has them."""
    outline = default_outline()
    present = [p.id for p in report.parts if p.id in STATUTORY]
    order = list(dict.fromkeys(present + [pid for pid in STATUTORY if pid not in present]))
    steps = [Step("head", "标题和主送机关", ("title", "addressee")), Step("preamble", "开头段", ("preamble",))]
    for part_id in order:
        name = outline.spec(part_id).name
        if part_id == "other":
            name += "（可选）"
        steps.append(Step(part_id, name, (part_id,)))
    steps.append(Step("tail", "署名和日期", ("signature", "date")))
    return steps


def step_status(project: DraftProject, step: Step) -> str:
    statuses = [project.part_status(pid) for pid in step.part_ids]
    if STATUS_PROBLEM in statuses:
        return STATUS_PROBLEM
    if all(s == STATUS_DONE for s in statuses):
        return STATUS_DONE
    if all(s == STATUS_EMPTY for s in statuses):
        return STATUS_EMPTY
    return STATUS_DRAFT


class OutlinePanel(QWidget):
    """The step list; emits step_selected(step id)."""

    step_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.steps: list[Step] = []
        self.statuses: dict[str, str] = {}
        # widgets
        self.title_label = QLabel("写作步骤")
        self.title_label.setStyleSheet("font-weight: bold;")
        self.step_list = QListWidget()
        self.step_list.setObjectName("step_list")
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("overall_progress")
        self.progress_label = QLabel()
        self.progress_label.setWordWrap(True)
        # signals
        self.step_list.currentRowChanged.connect(self._on_step_list_current_row_changed)
        # layout
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.step_list, 1)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress_bar)

    def set_steps(self, steps: list[Step]) -> None:
        current = self.current_step_id()
        self.steps = steps
        self.step_list.blockSignals(True)
        self.step_list.clear()
        for index, step in enumerate(steps, start=1):
            item = QListWidgetItem(f"{index}. {step.name}")
            item.setData(Qt.ItemDataRole.UserRole, step.id)
            self.step_list.addItem(item)
        self.step_list.blockSignals(False)
        ids = [s.id for s in steps]
        self.select_step(current if current in ids else ids[0])

    def refresh(self, project: DraftProject) -> None:
        """Recompute every step's status and the overall progress."""
        for row, step in enumerate(self.steps):
            status = step_status(project, step)
            self.statuses[step.id] = status
            item = self.step_list.item(row)
            item.setText(f"{_STATUS_MARKS[status]} {row + 1}. {step.name}　{status}")
            item.setForeground(QBrush(QColor(_STATUS_COLOURS[status])))
            item.setToolTip(f"{step.name}：{status}")
        # Every step listed is counted; the optional one (其他需要报告的情况) left empty counts as
        # nothing to do, so the bar can reach its end without it.
        skipped = [s for s in self.steps if s.id == "other" and self.statuses.get(s.id) == STATUS_EMPTY]
        done = sum(1 for s in self.steps if self.statuses.get(s.id) == STATUS_DONE) + len(skipped)
        problems = sum(1 for s in self.steps if self.statuses.get(s.id) == STATUS_PROBLEM)
        total = len(self.steps)
        self.progress_bar.setRange(0, max(1, total))
        self.progress_bar.setValue(done)
        self.progress_bar.setFormat(f"已完成 {done}/{total} 步")
        note = f"共 {total} 步，已完成 {done} 步"
        if skipped:
            note += "（可选的一步不写也算完成）"
        if problems:
            note += f"，{problems} 步有问题"
        self.progress_label.setText(note + "。")

    def current_step_id(self) -> str | None:
        item = self.step_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def select_step(self, step_id: str) -> None:
        for row, step in enumerate(self.steps):
            if step.id == step_id:
                self.step_list.setCurrentRow(row)
                return

    def _on_step_list_current_row_changed(self, row: int) -> None:
        if 0 <= row < len(self.steps):
            self.step_selected.emit(self.steps[row].id)
