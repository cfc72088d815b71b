"""The checklist findings panel: findings grouped by part and severity, click to jump, 修正 to fix.

Works standalone with a list of Finding (set_findings), or bound to a
DraftProject: refresh() then re-checks the report, debounced, in the checklist's
helper process (drafting.checklist.worker: rule files are read there too, and a
rule that runs too long is stopped by killing the process, so no regex ever
holds the window), and a 修正 click applies the mechanical fix to the
project's report. Signals: finding_activated(Finding) when the user clicks a
finding (the window jumps to it), fix_requested(Finding) when 修正 is
clicked, fix_applied(Finding) after the panel changed the project's text,
findings_changed(list) whenever the shown findings change.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from drafting.checklist.model import Finding, Severity
from drafting.model import PART_IDS

if TYPE_CHECKING:
    from drafting.model import Report
    from drafting.project import DraftProject

#: Called once a check ends: (its findings, "") or (None, why there are none: the check failed or was stopped).
CheckWaiter = Callable[[list[Finding] | None, str], None]

logger = logging.getLogger(__name__)

#: How long typing must pause before the report is checked again.
DEBOUNCE_MS = 600
#: How often the panel looks for the helper process's answer while a check runs.
POLL_MS = 30
FINDING_ROLE = Qt.ItemDataRole.UserRole
_COLOURS = {Severity.ERROR: "#b00020", Severity.WARNING: "#9a6700", Severity.INFO: "#1f4e9c"}
_WHOLE_REPORT = "全文"


def part_names() -> dict[str, str]:
    """Part id -> its Chinese name from the outline (the id itself when unknown)."""
    from drafting.data.outline import default_outline

    try:
        return {spec.id: spec.name for spec in default_outline().parts}
    except Exception:  # a broken outline file must not hide the findings
        return {}


def position_text(finding: Finding, paragraph: int | None) -> str:
    """Where the finding is, as the writer sees the part: 第 2 段第 15 字 (empty when unknown)."""
    if paragraph is None:
        return ""
    column = f"第 {finding.offset + 1} 字" if finding.offset is not None and finding.match else ""
    return f"第 {paragraph} 段{column}"


def short_position_text(paragraph: int | None) -> str:
    """The paragraph alone (第2段), for the narrow column beside the message."""
    return "" if paragraph is None else f"第{paragraph}段"


class FindingsPanel(QWidget):
    """A tree: part -> severity -> finding, with a 修正 button beside findings that have a fix."""

    finding_activated = Signal(object)
    fix_requested = Signal(object)
    fix_applied = Signal(object)
    findings_changed = Signal(list)

    def __init__(self, project: DraftProject | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.findings: list[Finding] = []
        self._names = part_names()
        self._token: int | None = None  # the running check in the helper process, if any
        self._reload = True  # read the rule files again at the next check
        self._skipped: set[str] = set()  # rules stopped for running too long, skipped until 重新检查
        self._sent: Report | None = None  # the copy of the report the running (or last) check was sent
        self._checked: Report | None = None  # the copy whose findings are shown
        self._waiters: list[CheckWaiter] = []

        # widgets
        self.summary_label = QLabel("尚未检查。")
        self.summary_label.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(["问题（选中可看全文）", "位置", ""])
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        self.tree.setIndentation(12)
        # The message is what the writer reads: it takes the width left by the position and 修正.
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        # The chosen finding in full: a narrow dock cannot show a long message and its suggestion.
        self.detail_label = QLabel("")
        self.detail_label.setObjectName("finding_detail")
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_label.setVisible(False)
        self.recheck_button = QPushButton("重新检查")
        self.recheck_button.setToolTip("重新读取检查规则（包括县（区）规则文件夹中的文件）并检查")
        self.recheck_button.setEnabled(project is not None)
        self.debounce_timer = QTimer(self)
        self.debounce_timer.setSingleShot(True)
        self.debounce_timer.setInterval(DEBOUNCE_MS)
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(POLL_MS)

        # signals
        self.tree.itemClicked.connect(self._on_tree_item_clicked)
        self.tree.itemActivated.connect(self._on_tree_item_clicked)
        self.tree.currentItemChanged.connect(lambda current, _previous: self._show_detail(current))
        self.recheck_button.clicked.connect(self.reload_and_check)
        self.debounce_timer.timeout.connect(self.check_now)
        self.poll_timer.timeout.connect(self._poll_check)

        # layout
        top = QHBoxLayout()
        top.addWidget(self.summary_label, 1)
        top.addWidget(self.recheck_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.detail_label)

        if project is not None:
            self.refresh()

    # ---- showing findings ----

    def set_findings(self, findings: list[Finding]) -> None:
        """Show these findings, grouped by part (in outline order) and severity."""
        self.findings = sorted(findings)
        self.tree.clear()
        groups: dict[str, dict[Severity, list[Finding]]] = {}
        for finding in self.findings:
            groups.setdefault(finding.part or "", {}).setdefault(finding.severity, []).append(finding)
        order = {part_id: index for index, part_id in enumerate(PART_IDS)}
        for part_id in sorted(groups, key=lambda p: order.get(p, -1)):
            by_severity = groups[part_id]
            total = sum(len(v) for v in by_severity.values())
            part_item = QTreeWidgetItem([f"{self._names.get(part_id, part_id) or _WHOLE_REPORT}（{total}）"])
            part_item.setData(0, FINDING_ROLE, None)
            self.tree.addTopLevelItem(part_item)
            for severity in sorted(by_severity, key=lambda s: s.rank):
                items = by_severity[severity]
                severity_item = QTreeWidgetItem([f"{severity.label}（{len(items)}）"])
                severity_item.setForeground(0, QBrush(QColor(_COLOURS[severity])))
                part_item.addChild(severity_item)
                for finding in items:
                    self._add_finding(severity_item, finding)
            part_item.setExpanded(True)
            for index in range(part_item.childCount()):
                part_item.child(index).setExpanded(True)
        self._show_detail(None)
        self.summary_label.setText(self._summary())
        self.findings_changed.emit(list(self.findings))

    def paragraph(self, finding: Finding) -> int | None:
        """The finding's paragraph in its part (第N段), counted in the project's report; None without one."""
        if self.project is None or finding.part is None:
            return None
        from drafting.checklist.fixes import paragraph_number

        return paragraph_number(self.project.report, finding)

    def _add_finding(self, parent: QTreeWidgetItem, finding: Finding) -> None:
        paragraph = self.paragraph(finding)
        item = QTreeWidgetItem([finding.message, short_position_text(paragraph), ""])
        item.setData(0, FINDING_ROLE, finding)
        tip = finding.message + (f"\n建议：{finding.suggestion}" if finding.suggestion else "")
        item.setToolTip(0, tip)
        item.setToolTip(1, position_text(finding, paragraph))
        parent.addChild(item)
        if finding.fix is not None:
            button = QPushButton("修正")
            button.setToolTip(f"把“{finding.match}”改为“{finding.fix}”")
            button.clicked.connect(lambda _checked=False, f=finding: self._on_fix_clicked(f))
            self.tree.setItemWidget(item, 2, button)

    def _show_detail(self, item: QTreeWidgetItem | None) -> None:
        finding = item.data(0, FINDING_ROLE) if item is not None else None
        if not isinstance(finding, Finding):
            self.detail_label.setVisible(False)
            self.detail_label.setText("")
            return
        where_text = position_text(finding, self.paragraph(finding))
        part_name = self._names.get(finding.part or "", "")
        where = f"（{part_name}，{where_text}）" if where_text else ""
        lines = [f"【{finding.severity.label}】{finding.message}{where}"]
        if finding.match:
            lines.append(f"原文：“{finding.match}”")
        if finding.suggestion:
            lines.append(f"建议：{finding.suggestion}")
        if finding.fix is not None:
            lines.append(f"可一键修正为“{finding.fix}”。")
        self.detail_label.setText("\n".join(lines))
        self.detail_label.setVisible(True)

    def _summary(self) -> str:
        if not self.findings:
            return "未发现问题。"
        counts = {s: sum(1 for f in self.findings if f.severity is s) for s in Severity}
        return "，".join(f"{s.label} {n} 条" for s, n in counts.items() if n) + "。点击问题可跳转到原文。"

    def finding_items(self) -> list[QTreeWidgetItem]:
        """The tree rows holding a finding, in display order."""
        rows: list[QTreeWidgetItem] = []
        for i in range(self.tree.topLevelItemCount()):
            part_item = self.tree.topLevelItem(i)
            for j in range(part_item.childCount()):
                severity_item = part_item.child(j)
                rows.extend(severity_item.child(k) for k in range(severity_item.childCount()))
        return rows

    def fix_button(self, item: QTreeWidgetItem) -> QPushButton | None:
        widget = self.tree.itemWidget(item, 2)
        return widget if isinstance(widget, QPushButton) else None

    # ---- user actions ----

    def _on_tree_item_clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        finding = item.data(0, FINDING_ROLE)
        if isinstance(finding, Finding):
            self.finding_activated.emit(finding)

    def _on_fix_clicked(self, finding: Finding) -> None:
        self.fix_requested.emit(finding)
        if self.project is None:
            return
        if self.project.apply_fix(finding):
            self.fix_applied.emit(finding)
            self.check_now()
        else:
            self.summary_label.setText("原文已改动，无法自动修正。请重新检查后再试。")

    # ---- checking a project ----

    def refresh(self) -> None:
        """Re-check the project's report shortly after the last change (debounced)."""
        if self.project is not None:
            self.debounce_timer.start()

    def reload_and_check(self) -> None:
        """重新检查: read the rule files again (a county file just added or edited), then check."""
        self._reload = True
        self._skipped.clear()
        self.check_now()

    @property
    def checking(self) -> bool:
        """True while a check of this panel runs in the helper process."""
        return self._token is not None

    def check_now(self) -> None:
        """Check a copy of the project's report in the helper process; a check still running is cancelled."""
        if self.project is None:
            return
        from drafting.checklist.loader import default_checklist_path, user_checklist_files
        from drafting.checklist.worker import CheckRequest, shared_process

        self.debounce_timer.stop()
        request = CheckRequest(copy.deepcopy(self.project.report), default_checklist_path(), user_checklist_files(),
                               reload=self._reload, skip=frozenset(self._skipped))
        self._reload = False
        self._sent = request.report
        self.summary_label.setText("正在检查…")
        self._token = shared_process().start_check(request, owner=id(self))
        self.poll_timer.start()

    def _poll_check(self) -> None:
        from drafting.checklist.worker import shared_process

        if self._token is None:
            self.poll_timer.stop()
            return
        event = shared_process().poll(self._token)
        if event is None:
            return
        self.poll_timer.stop()
        self._token = None
        message = ""
        if event.kind == "done":
            self._checked = self._sent
            self.set_findings(event.findings)
        elif event.kind == "error":
            self._reload = True  # a rule file the writer fixes is read again at the next check
            message = event.message
        elif event.kind == "timeout":
            message = timeout_message(event.rule)
            if event.rule:
                self._skipped.add(event.rule)
        else:
            message = "检查已取消。点“重新检查”可再次检查。"
        if message:
            self.summary_label.setText(message)
        waiters, self._waiters = self._waiters, []
        for waiter in waiters:
            waiter(None if message else list(self.findings), message)

    def when_checked(self, waiter: CheckWaiter) -> None:
        """waiter(findings, "") once the shown findings are those of the report as it is now (checking it
        in the helper process first unless they are), or waiter(None, message) if that check fails."""
        if self.project is None:
            waiter(None, "没有打开的报告。")
            return
        if self._token is None and self._checked is not None and self._checked == self.project.report:
            waiter(list(self.findings), "")
            return
        self._waiters.append(waiter)
        if self._token is None or self._sent != self.project.report:
            self.check_now()

    def cancel_check(self) -> None:
        """Abandon this panel's running check, if any (the previous findings stay)."""
        from drafting.checklist.worker import shared_process

        self.poll_timer.stop()
        if self._token is not None:
            shared_process().cancel(self._token)
            self._token = None

    def set_project(self, project: DraftProject | None) -> None:
        """Show the findings of another project (or none), checking it at once with the rules read anew."""
        self.cancel_check()
        waiters, self._waiters = self._waiters, []
        for waiter in waiters:
            waiter(None, "已换成另一份报告。")
        self.project = project
        self._checked = self._sent = None
        self._reload = True
        self._skipped.clear()
        self.recheck_button.setEnabled(project is not None)
        self.set_findings([])
        if project is not None:
            self.check_now()


def timeout_message(rule: str) -> str:
    """What the writer reads when the window had to stop a check (the findings shown stay the last ones)."""
    if rule:
        return (f"检查规则“{rule}”运行过久，已停止这次检查，下面仍是上次的检查结果。之后的检查将跳过这条规则；"
                f"请简化这条规则（如过于复杂的正则表达式）后点“重新检查”。")
    return "检查超时，已停止这次检查，下面仍是上次的检查结果。请点“重新检查”再试。"
