"""Ticks for the usual practices of a sub-area (templates/practices.yml), 其他做法 and 典型事例,
and the shortcomings a writer picks (templates/shortcoming_kinds.yml) with their causes.

The report states only what is ticked, typed or counted; these widgets only show and store the
choices through DraftProject (set_choices, set_shortcomings) and say when something changed.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from drafting.data.practices import default_shortcoming_kinds, practices_for
from drafting.project import DraftProject

_HINT_STYLE = "color: #666;"


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def _hint(text: str) -> QLabel:
    label = _wrapped(text)
    label.setStyleSheet(_HINT_STYLE)
    return label


def _lines_edit(name: str, placeholder: str, lines: list[str], rows: int) -> QPlainTextEdit:
    edit = QPlainTextEdit("\n".join(lines))
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * rows + 14)
    return edit


class PracticeBox(QGroupBox):
    """One area's (or the 第一责任人 part's) practices as ticks, then 其他做法 and 典型事例."""

    changed = Signal()

    def __init__(self, project: DraftProject, group: str, parent: QWidget | None = None) -> None:
        # Short title, the rest as a wrapped hint: a group box's title sets its minimum width, and the
        # facts column is narrow on a 1366×768 screen.
        super().__init__("做了哪些工作", parent)
        self.project = project
        self.group = group
        settings = project.report.settings
        ticked = set(settings.practices.get(group, []))
        layout = QVBoxLayout(self)
        layout.addWidget(_hint("只勾选确实做了的，报告只写勾选和填写的内容。"))
        self.checks: dict[str, QCheckBox] = {}
        grid = QGridLayout()
        for index, practice in enumerate(practices_for(group)):
            check = QCheckBox(practice.label)
            check.setObjectName(f"practice_{group}_{practice.id}")
            check.setChecked(practice.id in ticked)
            check.toggled.connect(self._store_ticks)
            self.checks[practice.id] = check
            grid.addWidget(check, index, 0)
        layout.addLayout(grid)
        layout.addWidget(_wrapped("其他做法（每行一项，写成一句话）："))
        self.other = _lines_edit(f"other_practices_{group}", "例如：每月组织一次“以案释法”讨论",
                                 settings.other_practices.get(group, []), 3)
        self.other.textChanged.connect(self._store_other)
        layout.addWidget(self.other)
        layout.addWidget(_wrapped("典型事例（一到三个，每行一个：发生了什么、怎么做的、结果如何）："))
        self.cases = _lines_edit(f"cases_{group}", "例如：某村两户因宅基地边界发生纠纷，调委会联合法律顾问现场调解，双方当场签订协议",
                                 settings.cases.get(group, []), 3)
        self.cases.textChanged.connect(self._store_cases)
        layout.addWidget(self.cases)

    def _store_ticks(self) -> None:
        self.project.set_choices("practices", self.group, [pid for pid, c in self.checks.items() if c.isChecked()])
        self.changed.emit()

    def _store_other(self) -> None:
        self.project.set_choices("other_practices", self.group, self.other.toPlainText().splitlines())
        self.changed.emit()

    def _store_cases(self) -> None:
        self.project.set_choices("cases", self.group, self.cases.toPlainText().splitlines()[:3])
        self.changed.emit()


class ShortcomingPicker(QGroupBox):
    """The usual shortcomings as ticks, each with a field for its cause (empty: a usual cause is written)."""

    changed = Signal()

    def __init__(self, project: DraftProject, parent: QWidget | None = None) -> None:
        super().__init__("常见问题", parent)
        self.project = project
        picked = {item["kind"]: item.get("cause", "") for item in project.report.settings.shortcomings}
        grid = QGridLayout(self)
        grid.addWidget(_hint("勾选后写上原因；下一年度安排会逐条回应。"), 0, 0, 1, 2)
        self.rows: dict[str, tuple[QCheckBox, QLineEdit]] = {}
        for row, kind in enumerate(default_shortcoming_kinds(), start=1):
            check = QCheckBox(kind.label)
            check.setObjectName(f"shortcoming_{kind.id}")
            check.setChecked(kind.id in picked)
            cause = QLineEdit(picked.get(kind.id, ""))
            cause.setObjectName(f"shortcoming_cause_{kind.id}")
            cause.setPlaceholderText("原因（不填时用常见原因：" + kind.causes[0][:16] + "……）")
            check.toggled.connect(self._store)
            cause.textChanged.connect(self._store)
            self.rows[kind.id] = (check, cause)
            grid.addWidget(check, row, 0)
            grid.addWidget(cause, row, 1)
        note = QLabel("表中没有的问题，写在下面“存在的不足及原因”中（每行一条，问题和原因用“——”隔开）。")
        note.setStyleSheet(_HINT_STYLE)
        note.setWordWrap(True)
        grid.addWidget(note, len(self.rows) + 1, 0, 1, 2)

    def _store(self) -> None:
        self.project.set_shortcomings([{"kind": kid, "cause": cause.text()}
                                       for kid, (check, cause) in self.rows.items() if check.isChecked()])
        self.changed.emit()


def practice_widget(project: DraftProject, step_id: str) -> PracticeBox | ShortcomingPicker | None:
    """The choices a part's step shows above its facts: 第一责任人 practices, or the shortcomings list."""
    if step_id == "shortcomings":
        return ShortcomingPicker(project)
    if practices_for(step_id):
        return PracticeBox(project, step_id)
    return None
